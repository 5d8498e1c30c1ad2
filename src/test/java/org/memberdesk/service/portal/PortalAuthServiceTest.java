package org.memberdesk.service.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.domain.AccessScope;
import org.memberdesk.domain.LoginFailure;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactCard;
import org.memberdesk.service.credentials.Tokens;
import org.memberdesk.service.portal.PortalAuthService.Door;
import org.memberdesk.service.portal.PortalAuthService.SessionCheck;
import org.memberdesk.service.portal.PortalAuthService.SignIn;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;

/** Signing in at both doors, lockout, failure events and sessions, on a real SQLite file. */
class PortalAuthServiceTest {

    private static final String DANA = "dana@example.com";
    private static final String PASSWORD = "plum orchard velvet sky";
    private static final String GROUP_PASSWORD = "harbour lantern quiet fox";

    @TempDir
    Path dir;
    TestClock clock = TestClock.at(TestServices.START);
    Services services;
    PortalAuthService auth;
    Actor agent = Actor.agent("Sam (support)");
    Door group;

    @BeforeEach
    void open() {
        services = TestServices.open(dir, clock, Map.of());
        auth = services.portalAuth();
        services.offers().create("Momentum Membership", null, agent);
        services.contacts().add(DANA, "Dana Whitfield", List.of(), agent);
        services.offers().grant(DANA, "Momentum Membership", null, agent);
        services.communities().create("Founders Circle", agent);
        services.communities().add(DANA, "Founders Circle", agent);
        services.credentials().setPassword(DANA, null, PASSWORD, false, agent);
        services.credentials().setPassword(DANA, "Founders Circle", GROUP_PASSWORD, false, agent);
        group = auth.communityDoor("founders-circle").orElseThrow();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void eachDoorOpensOnlyWithItsOwnPassword() {
        assertThat(auth.signIn("DANA@example.com ", PASSWORD, Door.MEMBERSHIP).signedIn()).isTrue();
        assertThat(auth.signIn(DANA, GROUP_PASSWORD, group).signedIn()).isTrue();

        assertThat(auth.signIn(DANA, GROUP_PASSWORD, Door.MEMBERSHIP).outcome())
                .as("a community password never opens the membership portal").isEqualTo(SignIn.Outcome.REFUSED);
        assertThat(auth.signIn(DANA, PASSWORD, group).outcome())
                .as("the membership password never opens a community").isEqualTo(SignIn.Outcome.REFUSED);
    }

    @Test
    void communityDoorsAreFoundBySlugOrNameAndUnknownOnesAreNot() {
        assertThat(auth.communityDoor("Founders Circle")).contains(group);
        assertThat(group.groupSlug()).isEqualTo("founders-circle");
        assertThat(group.access()).isEqualTo("community group Founders Circle");
        assertThat(auth.communityDoor("nope")).isEmpty();
        assertThat(auth.communityDoor("")).isEmpty();
    }

    @Test
    void fiveFailuresWithinFifteenMinutesLockForFifteenMinutesAndEachIsRecordedAsAnEvent() {
        for (int i = 1; i <= 4; i++) {
            assertThat(auth.signIn(DANA, "wrong " + i, Door.MEMBERSHIP).outcome()).isEqualTo(SignIn.Outcome.REFUSED);
            clock.advance(Duration.ofMinutes(3));
        }
        SignIn fifth = auth.signIn(DANA, "wrong 5", Door.MEMBERSHIP);
        assertThat(fifth.outcome()).isEqualTo(SignIn.Outcome.LOCKED);
        assertThat(fifth.lockFor()).isEqualTo(Duration.ofMinutes(15));

        assertThat(auth.signIn(DANA, PASSWORD, Door.MEMBERSHIP).outcome())
                .as("the right password does not open a locked account").isEqualTo(SignIn.Outcome.LOCKED);
        assertThat(card().portal().locked()).as("the agent sees the lock").isTrue();
        assertThat(auth.failedSignIns(DANA, Door.MEMBERSHIP, Duration.ofMinutes(15))).isEqualTo(5);
        assertThat(auth.failedSignIns(DANA, group, Duration.ofMinutes(15))).isZero();
        assertThat(services.audit().latest(10)).extracting(AuditLog.Entry::action).contains("portal.locked");

        clock.advance(Duration.ofMinutes(15));
        assertThat(auth.signIn(DANA, PASSWORD, Door.MEMBERSHIP).signedIn()).as("the lock ends by itself").isTrue();
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotLock() {
        for (int i = 0; i < 8; i++) {
            assertThat(auth.signIn(DANA, "wrong", Door.MEMBERSHIP).outcome()).isEqualTo(SignIn.Outcome.REFUSED);
            clock.advance(Duration.ofMinutes(4));
        }
        assertThat(auth.signIn(DANA, PASSWORD, Door.MEMBERSHIP).signedIn()).isTrue();
    }

    @Test
    void theLockoutRuleComesFromSettings() {
        setting(PortalAuthService.LOCK_FAILURES_SETTING, "3");
        setting(PortalAuthService.LOCK_WINDOW_SETTING, "5");
        setting(PortalAuthService.LOCK_DURATION_SETTING, "30");
        assertThat(auth.lockout()).isEqualTo(new PortalAuthService.Lockout(3, Duration.ofMinutes(5),
                Duration.ofMinutes(30)));

        auth.signIn(DANA, "wrong", Door.MEMBERSHIP);
        auth.signIn(DANA, "wrong", Door.MEMBERSHIP);
        assertThat(auth.signIn(DANA, "wrong", Door.MEMBERSHIP).outcome()).isEqualTo(SignIn.Outcome.LOCKED);
        clock.advance(Duration.ofMinutes(29));
        assertThat(auth.signIn(DANA, PASSWORD, Door.MEMBERSHIP).outcome()).isEqualTo(SignIn.Outcome.LOCKED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(auth.signIn(DANA, PASSWORD, Door.MEMBERSHIP).signedIn()).isTrue();

        setting(PortalAuthService.LOCK_FAILURES_SETTING, "zero");
        assertThat(auth.lockout().failures()).as("an unusable setting falls back").isEqualTo(5);
    }

    @Test
    void anUnknownAddressIsRefusedAndLockedExactlyLikeAKnownOne() {
        for (int i = 1; i <= 4; i++) {
            assertThat(auth.signIn("nobody@example.com", "wrong", Door.MEMBERSHIP).outcome())
                    .isEqualTo(SignIn.Outcome.REFUSED);
            assertThat(auth.signIn(DANA, "wrong", Door.MEMBERSHIP).outcome()).isEqualTo(SignIn.Outcome.REFUSED);
        }
        SignIn unknown = auth.signIn("Nobody@Example.com", "wrong", Door.MEMBERSHIP);
        SignIn known = auth.signIn(DANA, "wrong", Door.MEMBERSHIP);
        assertThat(unknown).isEqualTo(known);
        assertThat(unknown.outcome()).isEqualTo(SignIn.Outcome.LOCKED);
        assertThat(auth.signIn("not an email", "x", Door.MEMBERSHIP).outcome()).isEqualTo(SignIn.Outcome.REFUSED);
        // A member of no group is throttled at the group's door the same way.
        services.contacts().add("lee@example.com", "Lee", List.of(), agent);
        services.credentials().setPassword("lee@example.com", null, PASSWORD, false, agent);
        assertThat(auth.signIn("lee@example.com", PASSWORD, group).outcome()).isEqualTo(SignIn.Outcome.REFUSED);
        // Only known contacts leave failure events (workflows act on contacts).
        assertThat(loginFailures()).hasSize(5)
                .allSatisfy(f -> assertThat(f.getScope()).isEqualTo(AccessScope.MEMBERSHIP));
    }

    @Test
    void repeatedFailedMembershipSignInsStartARepeatedFailedLoginsWorkflow() {
        services.workflows().create(new WorkflowDefinition("Locked out", true,
                TriggerSpec.repeatedFailedLogins(3, 10), List.of(), List.of(ActionSpec.addTag("locked-out"))), agent);

        for (int i = 0; i < 3; i++) {
            auth.signIn(DANA, GROUP_PASSWORD, group); // community failures are the group's business
        }
        auth.signIn(DANA, "wrong", Door.MEMBERSHIP);
        clock.advance(Duration.ofMinutes(4));
        auth.signIn(DANA, "wrong", Door.MEMBERSHIP);
        services.workflows().runDue();
        assertThat(services.contacts().byEmail(DANA).tags()).isEmpty();

        clock.advance(Duration.ofMinutes(4));
        auth.signIn("Dana@Example.com", "wrong", Door.MEMBERSHIP);
        services.workflows().runDue();
        assertThat(services.contacts().byEmail(DANA).tags()).containsExactly("locked-out");
        assertThat(services.workflows().runs("Locked out", 10)).singleElement()
                .satisfies(run -> assertThat(run.trigger().code()).isEqualTo("repeated-failed-logins"));
    }

    @Test
    void aContactWhoNeverSetAPasswordIsRefusedAndTheFailureIsRecorded() {
        services.contacts().add("new@example.com", "New Member", List.of(), agent);
        assertThat(auth.signIn("new@example.com", "", Door.MEMBERSHIP).outcome()).isEqualTo(SignIn.Outcome.REFUSED);
        assertThat(auth.signIn("new@example.com", "anything at all", Door.MEMBERSHIP).outcome())
                .isEqualTo(SignIn.Outcome.REFUSED);
        assertThat(auth.failedSignIns("new@example.com", Door.MEMBERSHIP, Duration.ofMinutes(15))).isEqualTo(2);
    }

    @Test
    void aCommunityFailureIsRecordedForThatGroup() {
        auth.signIn(DANA, PASSWORD, group);
        List<LoginFailure> failures = loginFailures();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).getScope()).isEqualTo(AccessScope.COMMUNITY);
        assertThat(auth.failedSignIns(DANA, group, Duration.ofMinutes(1))).isEqualTo(1);
        assertThat(auth.failedSignIns(DANA, Door.MEMBERSHIP, Duration.ofMinutes(1))).isZero();
    }

    @Test
    void aSuccessfulResetUnlocks() {
        for (int i = 0; i < 5; i++) {
            auth.signIn(DANA, "wrong", Door.MEMBERSHIP);
        }
        assertThat(card().portal().locked()).isTrue();
        services.credentials().setPassword(DANA, null, "brand new long passphrase", false, agent);
        assertThat(auth.signIn(DANA, "brand new long passphrase", Door.MEMBERSHIP).signedIn()).isTrue();
    }

    @Test
    void aSessionIsValidAtItsOwnDoorOnlyAndUntilItExpires() {
        String id = auth.signIn(DANA, PASSWORD, Door.MEMBERSHIP).sessionId();
        assertThat(id).matches("[A-Za-z0-9_-]{43}");

        SessionCheck check = auth.session(id, Door.MEMBERSHIP);
        assertThat(check.valid()).isTrue();
        assertThat(check.session().email()).isEqualTo(DANA);
        assertThat(check.session().name()).isEqualTo("Dana Whitfield");
        assertThat(auth.session(id, group).state()).isEqualTo(SessionCheck.State.NONE);
        // One character changed; the id is random, so pick a first character it does not start with.
        String tampered = (id.charAt(0) == 'x' ? "y" : "x") + id.substring(1);
        assertThat(auth.session(tampered, Door.MEMBERSHIP).state()).isEqualTo(SessionCheck.State.NONE);
        assertThat(auth.session("<script>", Door.MEMBERSHIP).state()).isEqualTo(SessionCheck.State.NONE);
        assertThat(auth.session(null, Door.MEMBERSHIP).state()).isEqualTo(SessionCheck.State.NONE);

        clock.advance(Duration.ofHours(12));
        assertThat(auth.session(id, Door.MEMBERSHIP).state()).isEqualTo(SessionCheck.State.EXPIRED);
        assertThat(auth.session(id, Door.MEMBERSHIP).state()).as("an ended session is gone")
                .isEqualTo(SessionCheck.State.NONE);
    }

    @Test
    void changingThePasswordEndsEverySessionOfThatCredentialOnly() {
        String first = auth.signIn(DANA, PASSWORD, Door.MEMBERSHIP).sessionId();
        String second = auth.signIn(DANA, PASSWORD, Door.MEMBERSHIP).sessionId();
        String community = auth.signIn(DANA, GROUP_PASSWORD, group).sessionId();
        assertThat(auth.liveSessions(DANA)).isEqualTo(3);

        clock.advance(Duration.ofMinutes(1));
        services.credentials().setPassword(DANA, null, "brand new long passphrase", false, agent);

        assertThat(auth.session(first, Door.MEMBERSHIP).state()).isEqualTo(SessionCheck.State.PASSWORD_CHANGED);
        assertThat(auth.session(second, Door.MEMBERSHIP).state()).isEqualTo(SessionCheck.State.PASSWORD_CHANGED);
        assertThat(auth.session(community, group).valid()).as("the group's password did not change").isTrue();
        assertThat(auth.liveSessions(DANA)).isEqualTo(1);
    }

    @Test
    void aPasswordChangeInTheSameMillisecondStillEndsTheSession() {
        String id = auth.signIn(DANA, PASSWORD, Door.MEMBERSHIP).sessionId();
        // The clock does not move: the session remembers which password it was opened with.
        services.credentials().setPassword(DANA, null, "brand new long passphrase", false, agent);
        assertThat(auth.session(id, Door.MEMBERSHIP).valid()).isFalse();
    }

    @Test
    void signingOutEndsTheSession() {
        String id = auth.signIn(DANA, PASSWORD, Door.MEMBERSHIP).sessionId();
        auth.signOut(id);
        assertThat(auth.session(id, Door.MEMBERSHIP).state()).isEqualTo(SessionCheck.State.NONE);
        auth.signOut(id);
        auth.signOut("not a session id");
    }

    @Test
    void onlyTheHashOfASessionIdIsStored() throws Exception {
        String id = auth.signIn(DANA, PASSWORD, Door.MEMBERSHIP).sessionId();
        String stored = services.transactions().read(t -> t.portalSessions().byTokenHash(Tokens.hash(id))
                .orElseThrow().getTokenHash());
        assertThat(stored).isEqualTo(Tokens.hash(id)).isNotEqualTo(id);
        services.close();
        for (Path file : Files.list(dir).filter(Files::isRegularFile).toList()) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                    .doesNotContain(id);
        }
        services = TestServices.open(dir, clock, Map.of());
    }

    @Test
    void sessionIdsAreRandomAndDistinct() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 6; i++) {
            ids.add(auth.signIn(DANA, PASSWORD, Door.MEMBERSHIP).sessionId());
        }
        assertThat(ids).hasSize(6).allSatisfy(id -> assertThat(Base64.getUrlDecoder().decode(id)).hasSize(32));
    }

    @Test
    void forgotPasswordQueuesOnlyForARealAccountAndTakesAtLeastTheFloor() {
        auth.forgotFloor(Duration.ofMillis(200));
        long start = System.nanoTime();
        auth.requestReset("nobody@example.com", Door.MEMBERSHIP);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        auth.requestReset(DANA, Door.MEMBERSHIP);
        auth.requestReset(DANA, group);
        auth.requestReset("x".repeat(5000), Door.MEMBERSHIP);
        auth.requestReset(null, Door.MEMBERSHIP);
        assertThat(services.emails().list(DANA)).extracting(e -> e.kind().code())
                .containsExactlyInAnyOrder("reset-link", "community-reset-link");
    }

    @Test
    void addressProblemsAreAboutSpellingOnly() {
        assertThat(auth.addressProblem("")).contains("enter your email address");
        assertThat(auth.addressProblem("dana@")).isPresent();
        assertThat(auth.addressProblem("nobody@example.com")).isEmpty();
        assertThat(auth.addressProblem(DANA)).isEmpty();
    }

    @Test
    void hugePasswordsAreRefusedWithoutHashingThem() {
        assertThat(auth.signIn(DANA, "y".repeat(100_000), Door.MEMBERSHIP).outcome())
                .isEqualTo(SignIn.Outcome.REFUSED);
    }

    @Test
    void brandingFallsBackToSafeDefaultsAndKeepsTextReadable() {
        PortalSiteService.Branding plain = services.portalSite().branding();
        assertThat(plain.name()).isEqualTo(PortalSiteService.DEFAULT_BRAND_NAME);
        assertThat(plain.accent()).isEqualTo(PortalSiteService.DEFAULT_BRAND_COLOR);
        assertThat(plain.onAccent()).isEqualTo("#ffffff");

        setting(PortalSiteService.BRAND_NAME_SETTING, "  Momentum Academy ");
        setting(PortalSiteService.BRAND_COLOR_SETTING, "#0F8");
        PortalSiteService.Branding custom = services.portalSite().branding();
        assertThat(custom.name()).isEqualTo("Momentum Academy");
        assertThat(custom.accent()).matches("#[0-9a-f]{6}");
        int[] accent = rgb(custom.accent());
        int[] text = rgb(custom.onAccent());
        assertThat(PortalSiteService.contrast(accent, text)).as("text on the accent reads").isGreaterThanOrEqualTo(4.5);

        setting(PortalSiteService.BRAND_COLOR_SETTING, "red; } body { display:none");
        assertThat(services.portalSite().branding().accent()).isEqualTo(PortalSiteService.DEFAULT_BRAND_COLOR);
        PortalSiteService.Branding white = PortalSiteService.branding("X", "#ffffff");
        assertThat(PortalSiteService.contrast(rgb(white.accent()), rgb(white.onAccent()))).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void theHomeListsActiveOffersAndGroups() {
        services.offers().create("Budget Bootcamp", null, agent);
        services.offers().grant(DANA, "Budget Bootcamp", null, agent);
        services.offers().revoke(DANA, "Budget Bootcamp", "refund", agent);
        PortalSiteService.Home home = services.portalSite().home(services.contacts().byEmail(DANA).id());
        assertThat(home.memberships()).extracting(PortalSiteService.Membership::offer)
                .containsExactly("Momentum Membership");
        assertThat(home.groups()).extracting(PortalSiteService.Group::slug).containsExactly("founders-circle");
        assertThat(PortalSiteService.safeLink("javascript:alert(1)")).isEmpty();
        assertThat(PortalSiteService.safeLink("https://learn.example.com/x")).contains("https://learn.example.com/x");
    }

    private List<LoginFailure> loginFailures() {
        return services.transactions().read(t -> t.loginFailures().ofContactSince(
                t.contacts().byEmail(DANA).orElseThrow().getId(), Instant.EPOCH));
    }

    private ContactCard card() {
        return services.contacts().card(services.contacts().byEmail(DANA).id());
    }

    private void setting(String key, String value) {
        services.transactions().write(t -> {
            t.settings().put(key, value, clock.instant());
            return null;
        });
    }

    private static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    }
}
