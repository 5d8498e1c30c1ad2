package org.memberdesk.service.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.domain.Credential;
import org.memberdesk.mail.ScriptedSmtpServer;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Services;
import org.memberdesk.service.UserError;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.testsupport.SmtpServicesCase;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.testsupport.TestSmtp;

/**
 * Each check on a real SQLite file: the situation is built through the services (and a real SMTP
 * server where mail matters), then the finding, its evidence and its fix are asserted, and the fix
 * is applied through {@link DiagnosticsService#applyFix}.
 */
class DiagnosticsServiceTest extends SmtpServicesCase {

    private static final Pattern LINK = Pattern.compile("/(reset|set-password)/([A-Za-z0-9_-]{43})");
    static final String JO = "jo@example.com";
    static final String GOLD = "Gold Membership";
    static final String SILVER = "Silver Course";
    static final String CIRCLE = "Inner Circle";
    static final String PASSWORD = "plum orchard velvet sky";

    DiagnosticsService diagnostics;
    Actor agent = Actor.agent("Sam (support)");

    @BeforeEach
    void open() {
        diagnostics = services.diagnostics();
        services.offers().create(GOLD, null, agent);
        services.offers().create(SILVER, null, agent);
        services.communities().create(CIRCLE, agent);
    }

    private Services openWithSmtp(Path dataDir, int port) {
        return TestServices.open(dataDir, clock, TestSmtp.env(port));
    }

    // ---- helpers ----

    private void contact(String email) {
        services.contacts().add(email, "Jo Doe", List.of(), agent);
    }

    /** Jo with Gold and a password: nothing wrong yet. */
    private void happyJo() {
        contact(JO);
        services.offers().grant(JO, GOLD, null, agent);
        services.credentials().setPassword(JO, null, PASSWORD, false, agent);
        services.credentials().resendWelcome(JO, GOLD, agent);
        services.emails().runOutbox(true);
    }

    private List<Finding> diagnose(Concern concern) {
        return diagnostics.diagnose(JO, concern);
    }

    private static Finding only(List<Finding> findings, String code) {
        assertThat(findings).extracting(Finding::code).as("codes").contains(code);
        return findings.stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    private String deliverAndTakeLink() {
        services.emails().runOutbox(true);
        MimeMessage[] received = smtp.getReceivedMessages();
        Matcher m = LINK.matcher(GreenMailUtil.getBody(received[received.length - 1]).replace("=\r\n", ""));
        assertThat(m.find()).as("the last email carries a link").isTrue();
        return m.group(2);
    }

    private void withPortalCredential(java.util.function.Consumer<Credential> change) {
        services.transactions().write(t -> {
            change.accept(t.portalAccounts().ofContact(t.contacts().byEmail(JO).orElseThrow().getId())
                    .orElseThrow().getCredential());
            return null;
        });
    }

    private List<String> auditActions() {
        return services.audit().latest(50).stream().map(AuditLog.Entry::action).toList();
    }

    // ---- nothing wrong ----

    @Test
    void aContactWithAnActiveOfferAPasswordAndDeliveredMailHasNoFindings() {
        happyJo();

        assertThat(diagnose(Concern.none())).isEmpty();
        assertThat(diagnose(Concern.offer(GOLD))).isEmpty();
        assertThat(diagnose(Concern.membership())).isEmpty();
    }

    @Test
    void unknownContactsOffersAndGroupsAreRefusedWithAPlainSentence() {
        happyJo();

        assertThatThrownBy(() -> diagnostics.diagnose("nobody@example.com", Concern.none()))
                .isInstanceOf(UserError.class).hasMessage("no contact with email nobody@example.com");
        assertThatThrownBy(() -> diagnose(Concern.offer("Platinum")))
                .isInstanceOf(UserError.class).hasMessage("no offer named 'Platinum'");
        assertThatThrownBy(() -> diagnose(Concern.community("Chess Club")))
                .isInstanceOf(UserError.class).hasMessage("no community group named 'Chess Club'");
        assertThatThrownBy(() -> Concern.parse("group:x", false)).isInstanceOf(UserError.class);
        assertThat(Concern.parse("offer: Gold Membership", true))
                .isEqualTo(Concern.offer(GOLD).andNotReceived());
    }

    // ---- the address ----

    @Test
    void aLikelyDomainTypoSuggestsTheCommonDomainAndTheFixChangesTheEmail() {
        contact("jo@gmial.com");
        services.offers().grant("jo@gmial.com", GOLD, null, agent);
        services.credentials().setPassword("jo@gmial.com", null, PASSWORD, false, agent);
        services.credentials().resendWelcome("jo@gmial.com", GOLD, agent);
        services.emails().runOutbox(true);

        List<Finding> findings = diagnostics.diagnose("jo@gmial.com", Concern.none());

        assertThat(codes(findings)).containsExactly(DiagnosticCodes.EMAIL_DOMAIN_TYPO);
        Finding typo = findings.get(0);
        assertThat(typo.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(typo.message()).contains("jo@gmial.com").contains("gmail.com");
        assertThat(typo.evidence()).containsEntry("suggested", "jo@gmail.com").containsEntry("domain", "gmial.com");
        assertThat(typo.fix().action()).isEqualTo(Fix.Action.EDIT_EMAIL);
        assertThat(typo.fix().params()).containsEntry("suggested", "jo@gmail.com");

        assertThatThrownBy(() -> diagnostics.applyFix("jo@gmial.com", typo.fix(), agent))
                .as("a new address needs the caller verified").isInstanceOf(UserError.class)
                .hasMessageContaining("say how you verified");
        Map<String, String> verified = new java.util.HashMap<>(typo.fix().params());
        verified.put("verified-by", "phone");
        FixResult result = diagnostics.applyFix("jo@gmial.com", Fix.Action.EDIT_EMAIL, verified, agent);

        assertThat(result.changed()).isTrue();
        assertThat(services.contacts().byEmail("jo@gmail.com").name()).isEqualTo("Jo Doe");
        assertThat(diagnostics.diagnose("jo@gmail.com", Concern.none())).isEmpty();
        assertThat(auditActions()).contains("contact.edited");
    }

    @Test
    void aMalformedAddressAsksForTheCorrectedOne() {
        contact("\"jo doe\"@example.com");

        Finding malformed = only(diagnostics.diagnose("\"JO DOE\"@example.com", Concern.none()),
                DiagnosticCodes.EMAIL_MALFORMED);

        assertThat(malformed.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(malformed.evidence()).containsEntry("reason", "the part before @ is quoted or contains spaces");
        assertThat(malformed.fix().action()).isEqualTo(Fix.Action.EDIT_EMAIL);
        assertThat(malformed.fix().params()).isEmpty();
        assertThatThrownBy(() -> diagnostics.applyFix("\"jo doe\"@example.com", malformed.fix(), agent))
                .isInstanceOf(UserError.class).hasMessage("give the corrected email address");

        diagnostics.applyFix("\"jo doe\"@example.com", Fix.Action.EDIT_EMAIL, Map.of("email", "jo.doe@example.com",
                "verified-by", "other", "note", "knew the order number"), agent);

        assertThat(codes(diagnostics.diagnose("jo.doe@example.com", Concern.none())))
                .doesNotContain(DiagnosticCodes.EMAIL_MALFORMED);
    }

    // ---- offers ----

    @Test
    void noOfferAtAllIsAProblemWhoseFixOpensOffers() {
        contact(JO);

        Finding none = only(diagnose(Concern.none()), DiagnosticCodes.NO_ACTIVE_OFFER);

        assertThat(none.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(none.fix().action()).isEqualTo(Fix.Action.OPEN_OFFERS);
        assertThat(none.fix().navigation()).isTrue();
        assertThatThrownBy(() -> diagnostics.applyFix(JO, none.fix(), agent))
                .isInstanceOf(UserError.class).hasMessageContaining("Offers tab");
        assertThat(codes(diagnose(Concern.offer(GOLD)))).contains(DiagnosticCodes.NO_ACTIVE_OFFER);
    }

    @Test
    void aRevokedOfferSaysWhenAndWhy() {
        happyJo();
        clock.advance(Duration.ofDays(2));
        services.offers().revoke(JO, GOLD, "refund requested", agent);

        Finding revoked = only(diagnose(Concern.offer(GOLD)), DiagnosticCodes.OFFER_REVOKED);

        assertThat(revoked.evidence()).containsEntry("offer", GOLD).containsEntry("revokeReason", "refund requested")
                .containsEntry("revokedAt", clock.instant().toString());
        assertThat(revoked.message()).contains("refund requested");
        assertThat(revoked.fix()).isEqualTo(Fix.openOffers(GOLD));
        assertThat(codes(diagnose(Concern.none()))).containsExactly(DiagnosticCodes.NO_ACTIVE_OFFER);
    }

    @Test
    void anExpiredOfferSaysWhenItEnded() {
        contact(JO);
        services.offers().grant(JO, GOLD, LocalDate.parse("2026-03-10"), agent);
        clock.advance(Duration.ofDays(30));

        Finding expired = only(diagnose(Concern.offer(GOLD)), DiagnosticCodes.OFFER_EXPIRED);

        assertThat(expired.evidence()).containsEntry("expiresAt", "2026-03-11T00:00:00Z");
        assertThat(expired.severity()).isEqualTo(Severity.PROBLEM);
    }

    @Test
    void askingAboutAnOfferTheyDoNotHaveShowsTheOneTheyHave() {
        happyJo();

        List<Finding> findings = diagnose(Concern.offer(SILVER));

        assertThat(codes(findings)).containsExactly(DiagnosticCodes.WRONG_MEMBERSHIP);
        assertThat(findings.get(0).evidence()).containsEntry("askedAbout", SILVER).containsEntry("activeOffers", GOLD);
        assertThat(findings.get(0).message()).contains(SILVER).contains(GOLD);
        assertThat(findings.get(0).fix()).isEqualTo(Fix.openOffers(SILVER));
    }

    // ---- community vs membership ----

    @Test
    void aCommunityMemberAskingAboutMembershipIsToldTheGroupIsSeparateAccess() {
        contact(JO);
        services.communities().add(JO, CIRCLE, agent);
        services.credentials().setPassword(JO, CIRCLE, PASSWORD, false, agent);

        Finding asked = only(diagnose(Concern.membership()), DiagnosticCodes.COMMUNITY_ACCESS_ONLY);
        assertThat(asked.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(asked.evidence()).containsEntry("communityGroups", CIRCLE);
        assertThat(asked.message()).contains(CIRCLE).contains("never opens the Client Portal");
        assertThat(asked.evidence().get("credentials")).startsWith("membership (Client Portal): password never set; "
                + "community group " + CIRCLE + ": password set " + TestServices.START);

        Finding unasked = only(diagnose(Concern.none()), DiagnosticCodes.COMMUNITY_ACCESS_ONLY);
        assertThat(unasked.severity()).isEqualTo(Severity.INFO);
        assertThat(codes(diagnose(Concern.none()))).doesNotContain(DiagnosticCodes.NO_ACTIVE_OFFER,
                DiagnosticCodes.PASSWORD_NEVER_SET);
    }

    @Test
    void aCommunityPasswordIsNotTheMembershipPassword() {
        contact(JO);
        services.offers().grant(JO, GOLD, null, agent);
        services.communities().add(JO, CIRCLE, agent);
        services.credentials().setPassword(JO, CIRCLE, PASSWORD, false, agent);

        List<Finding> findings = diagnose(Concern.offer(GOLD));

        Finding mixup = only(findings, DiagnosticCodes.COMMUNITY_PASSWORD_NOT_MEMBERSHIP);
        assertThat(mixup.severity()).isEqualTo(Severity.WARNING);
        assertThat(mixup.evidence()).containsEntry("membershipPassword", "never set")
                .containsKey("communityPasswords");
        assertThat(mixup.fix()).isEqualTo(Fix.sendResetLink(null));
        assertThat(codes(findings)).contains(DiagnosticCodes.PASSWORD_NEVER_SET);
    }

    @Test
    void aMemberAskingAboutAGroupTheyAreNotInIsToldMembershipDoesNotOpenIt() {
        happyJo();

        List<Finding> findings = diagnose(Concern.community(CIRCLE));

        assertThat(codes(findings)).containsExactly(DiagnosticCodes.NOT_IN_COMMUNITY);
        assertThat(findings.get(0).evidence()).containsEntry("group", CIRCLE).containsEntry("activeOffers", GOLD);
        assertThat(findings.get(0).message()).contains("separate access");
        assertThat(findings.get(0).evidence()).containsEntry("credentials",
                "membership (Client Portal): password set " + TestServices.START);
        assertThat(findings.get(0).fixes()).isEmpty();
    }

    // ---- lock and password ----

    @Test
    void aLockedAccountIsUnlockedByItsFix() {
        happyJo();
        withPortalCredential(c -> {
            for (int i = 0; i < 5; i++) {
                c.recordFailure(clock.instant(), 5, Duration.ofMinutes(15), Duration.ofMinutes(15));
            }
        });

        Finding locked = only(diagnose(Concern.none()), DiagnosticCodes.ACCOUNT_LOCKED);
        assertThat(locked.evidence()).containsEntry("lockedUntil", clock.instant().plus(Duration.ofMinutes(15))
                .toString());
        assertThat(locked.fix()).isEqualTo(Fix.unlock(null));

        FixResult result = diagnostics.applyFix(JO, locked.fix(), agent);

        assertThat(result.changed()).isTrue();
        assertThat(diagnose(Concern.none())).isEmpty();
        assertThat(diagnostics.applyFix(JO, Fix.unlock(null), agent).changed()).isFalse();
        assertThat(auditActions()).contains("credentials.unlocked");
    }

    @Test
    void aLockedCommunityGroupIsFoundAndUnlocked() {
        happyJo();
        services.communities().add(JO, CIRCLE, agent);
        services.credentials().setPassword(JO, CIRCLE, PASSWORD, false, agent);
        services.transactions().write(t -> {
            var contact = t.contacts().byEmail(JO).orElseThrow();
            var group = t.communities().byName(CIRCLE).orElseThrow();
            t.communities().membership(contact.getId(), group.getId()).orElseThrow().getCredential()
                    .lockUntil(clock.instant().plus(Duration.ofMinutes(10)));
            return null;
        });

        Finding locked = only(diagnose(Concern.community(CIRCLE)), DiagnosticCodes.ACCOUNT_LOCKED);
        assertThat(locked.evidence()).containsEntry("access", "community group " + CIRCLE);
        assertThat(locked.fix().params()).containsEntry("group", CIRCLE);
        assertThat(codes(diagnose(Concern.none()))).contains(DiagnosticCodes.ACCOUNT_LOCKED);

        assertThat(diagnostics.applyFix(JO, locked.fix(), agent).changed()).isTrue();
        assertThat(diagnose(Concern.community(CIRCLE))).isEmpty();
    }

    @Test
    void neverSettingAPasswordIsFixedByResendingTheWelcomeWithItsSetPasswordLink() {
        contact(JO);
        services.offers().grant(JO, GOLD, null, agent);
        services.credentials().resendWelcome(JO, GOLD, agent);
        services.emails().runOutbox(true);
        clock.advance(Duration.ofMinutes(11)); // the same welcome sooner would be asked about first

        Finding never = only(diagnose(Concern.offer(GOLD)), DiagnosticCodes.PASSWORD_NEVER_SET);

        assertThat(never.fixes()).containsExactly(Fix.resendWelcome(GOLD), Fix.sendResetLink(null));
        FixResult result = diagnostics.applyFix(JO, never.fix(), agent);
        assertThat(result.emailId()).isNotNull();
        String raw = deliverAndTakeLink();
        assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[1])).contains("/set-password/");
        services.credentials().completeLink(raw, null, PASSWORD);

        assertThat(diagnose(Concern.offer(GOLD))).extracting(Finding::code)
                .doesNotContain(DiagnosticCodes.PASSWORD_NEVER_SET);
    }

    @Test
    void aCommunityGroupPasswordNeverSetIsFixedWithAGroupResetLink() {
        happyJo();
        services.communities().add(JO, CIRCLE, agent);

        Finding never = only(diagnose(Concern.community(CIRCLE)), DiagnosticCodes.PASSWORD_NEVER_SET);

        assertThat(never.fix()).isEqualTo(Fix.sendResetLink(CIRCLE));
        FixResult result = diagnostics.applyFix(JO, never.fix(), agent);
        assertThat(services.emails().list(JO)).filteredOn(e -> e.id().equals(result.emailId()))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind().code()).isEqualTo("community-reset-link");
                    assertThat(e.group()).isEqualTo(CIRCLE);
                });
    }

    // ---- links ----

    @Test
    void anExpiredResetLinkIsFixedByANewOne() {
        happyJo();
        services.credentials().sendResetLink(JO, null, Duration.ofHours(1), agent);
        deliverAndTakeLink();
        clock.advance(Duration.ofHours(2));

        Finding expired = only(diagnose(Concern.offer(GOLD)), DiagnosticCodes.LINK_EXPIRED);

        assertThat(expired.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(expired.evidence()).containsEntry("linkPurpose", "reset").containsEntry("linkState", "expired")
                .containsEntry("expiresAt", Instant.parse(TestServices.START).plus(Duration.ofHours(1)).toString());
        assertThat(expired.fix()).isEqualTo(Fix.sendResetLink(null));

        diagnostics.applyFix(JO, expired.fix(), agent);
        deliverAndTakeLink();

        assertThat(diagnose(Concern.offer(GOLD))).isEmpty();
        assertThat(auditActions()).contains("credentials.reset-link-sent");
    }

    @Test
    void anExpiredLinkNoLongerMattersOnceTheyLoggedInSince() {
        happyJo();
        services.credentials().sendResetLink(JO, null, Duration.ofHours(1), agent);
        deliverAndTakeLink();
        clock.advance(Duration.ofHours(2));
        withPortalCredential(c -> c.recordLogin(clock.instant()));

        assertThat(diagnose(Concern.none())).isEmpty();
    }

    @Test
    void aUsedLinkIsReportedUntilTheyLogIn() {
        happyJo();
        services.credentials().sendResetLink(JO, null, null, agent);
        String raw = deliverAndTakeLink();
        clock.advance(Duration.ofMinutes(5));
        services.credentials().completeLink(raw, null, "another long passphrase");

        Finding used = only(diagnose(Concern.offer(GOLD)), DiagnosticCodes.LINK_USED);
        assertThat(used.severity()).isEqualTo(Severity.INFO);
        assertThat(used.evidence()).containsEntry("usedAt", clock.instant().toString());
        assertThat(used.fix()).isEqualTo(Fix.sendResetLink(null));

        clock.advance(Duration.ofMinutes(1));
        withPortalCredential(c -> c.recordLogin(clock.instant()));
        assertThat(codes(diagnose(Concern.offer(GOLD)))).doesNotContain(DiagnosticCodes.LINK_USED);
    }

    @Test
    void openingAnOlderLinkAfterANewerOneReplacedItIsReported() {
        happyJo();
        services.credentials().sendResetLink(JO, null, null, agent);
        String first = deliverAndTakeLink();
        clock.advance(Duration.ofMinutes(3));
        services.credentials().sendResetLink(JO, null, null, agent);
        deliverAndTakeLink();
        clock.advance(Duration.ofMinutes(10));
        assertThat(services.credentials().openLink(first).state().code()).isEqualTo("superseded");

        Finding superseded = only(diagnose(Concern.none()), DiagnosticCodes.LINK_SUPERSEDED);

        assertThat(superseded.severity()).isEqualTo(Severity.WARNING);
        assertThat(superseded.evidence()).containsEntry("openedAt", clock.instant().toString())
                .containsEntry("linkState", "superseded").containsKey("newerLinkSentAt");
        assertThat(superseded.fix()).isEqualTo(Fix.sendResetLink(null));
    }

    @Test
    void aLinkOpenedSecondsAfterDeliveryAndNeverUsedLooksLikeAMailScanner() {
        happyJo();
        services.credentials().sendResetLink(JO, null, null, agent);
        String raw = deliverAndTakeLink();
        clock.advance(Duration.ofSeconds(3));
        services.credentials().openLink(raw);

        Finding scanner = only(diagnose(Concern.none()), DiagnosticCodes.LINK_OPENED_BY_SCANNER);

        assertThat(scanner.severity()).isEqualTo(Severity.INFO);
        assertThat(scanner.evidence()).containsEntry("secondsAfterDelivery", "3").containsEntry("linkState", "live");
        assertThat(scanner.message()).contains("3 seconds").contains("still works");
        assertThat(scanner.fixes()).isEmpty();

        services.credentials().completeLink(raw, null, "another long passphrase");
        assertThat(codes(diagnose(Concern.none()))).doesNotContain(DiagnosticCodes.LINK_OPENED_BY_SCANNER);
    }

    @Test
    void aLinkOpenedMinutesAfterDeliveryIsTheContactNotAScanner() {
        happyJo();
        services.credentials().sendResetLink(JO, null, null, agent);
        String raw = deliverAndTakeLink();
        clock.advance(Duration.ofMinutes(2));
        services.credentials().openLink(raw);

        assertThat(diagnose(Concern.none())).isEmpty();
    }

    @Test
    void anExpiredCommunityLinkIsFixedWithANewLinkForThatGroup() {
        happyJo();
        services.communities().add(JO, CIRCLE, agent);
        services.credentials().setPassword(JO, CIRCLE, PASSWORD, false, agent);
        clock.advance(Duration.ofMinutes(1));
        services.credentials().sendResetLink(JO, CIRCLE, Duration.ofHours(1), agent);
        deliverAndTakeLink();
        clock.advance(Duration.ofHours(3));

        Finding expired = only(diagnose(Concern.community(CIRCLE)), DiagnosticCodes.LINK_EXPIRED);

        assertThat(expired.evidence()).containsEntry("access", "community group " + CIRCLE);
        assertThat(expired.message()).contains("community group " + CIRCLE);
        assertThat(expired.fix()).isEqualTo(Fix.sendResetLink(CIRCLE));
        assertThat(codes(diagnose(Concern.offer(GOLD)))).as("membership is another credential")
                .doesNotContain(DiagnosticCodes.LINK_EXPIRED);
    }

    // ---- delivery ----

    @Test
    void aBouncedWelcomeShowsTheServersReplyAndIsRetried(@TempDir Path other) throws Exception {
        try (ScriptedSmtpServer refusing = new ScriptedSmtpServer("550 5.1.1 <jo@example.com>: User unknown");
             Services bouncing = openWithSmtp(other, refusing.port())) {
            bouncing.offers().create(GOLD, null, agent);
            bouncing.contacts().add(JO, "Jo Doe", List.of(), agent);
            bouncing.offers().grant(JO, GOLD, null, agent);
            EmailView welcome = bouncing.credentials().resendWelcome(JO, GOLD, agent);
            bouncing.emails().runOutbox(true);

            List<Finding> findings = bouncing.diagnostics().diagnose(JO, Concern.offer(GOLD));

            Finding bounced = only(findings, DiagnosticCodes.EMAIL_BOUNCED);
            assertThat(findings.get(0).code()).isEqualTo(DiagnosticCodes.EMAIL_BOUNCED);
            assertThat(bounced.severity()).isEqualTo(Severity.PROBLEM);
            assertThat(bounced.evidence()).containsEntry("emailId", welcome.id().toString())
                    .containsEntry("kind", "welcome").containsEntry("offer", GOLD).containsEntry("status", "failed")
                    .containsEntry("recipient", JO);
            assertThat(bounced.evidence().get("smtpReply")).startsWith("550 5.1.1");
            assertThat(bounced.message()).contains("550");
            // a hard bounce: checking the address comes first, a retry would only fail again
            assertThat(bounced.fixes()).containsExactly(Fix.checkAddress(welcome.id().toString()),
                    Fix.resendWelcome(GOLD), Fix.sendResetLink(null));
            assertThatThrownBy(() -> bouncing.diagnostics().applyFix(JO, bounced.fix(), agent))
                    .isInstanceOf(UserError.class).hasMessageStartingWith("check-address is done by the agent");

            FixResult retried = bouncing.diagnostics().applyFix(JO, Fix.retryEmail(welcome.id().toString()), agent);

            assertThat(retried.emailId()).isEqualTo(welcome.id());
            assertThat(bouncing.emails().list(JO)).filteredOn(e -> e.id().equals(welcome.id()))
                    .singleElement().extracting(e -> e.status().code()).isEqualTo("queued");
            assertThat(codes(bouncing.diagnostics().diagnose(JO, Concern.offer(GOLD))))
                    .contains(DiagnosticCodes.EMAIL_QUEUED).doesNotContain(DiagnosticCodes.EMAIL_BOUNCED);
        }
    }

    @Test
    void aWelcomeGivenUpAfterTemporaryFailuresIsAFailedEmail(@TempDir Path other) throws Exception {
        try (ScriptedSmtpServer busy = new ScriptedSmtpServer("451 4.3.0 Mailbox temporarily unavailable");
             Services retrying = openWithSmtp(other, busy.port())) {
            retrying.offers().create(GOLD, null, agent);
            retrying.contacts().add(JO, "Jo Doe", List.of(), agent);
            retrying.offers().grant(JO, GOLD, null, agent);
            retrying.credentials().resendWelcome(JO, GOLD, agent);
            retrying.emails().runOutbox(true);

            Finding waiting = only(retrying.diagnostics().diagnose(JO, Concern.none()), DiagnosticCodes.EMAIL_QUEUED);
            assertThat(waiting.evidence()).containsEntry("status", "retrying").containsKey("nextAttemptAt");
            assertThat(waiting.evidence().get("smtpReply")).startsWith("451");
            assertThat(waiting.message()).contains("next attempt");

            for (int i = 0; i < 12; i++) {
                clock.advance(Duration.ofHours(2));
                retrying.emails().runOutbox(true);
            }

            Finding failed = only(retrying.diagnostics().diagnose(JO, Concern.none()), DiagnosticCodes.EMAIL_FAILED);
            assertThat(failed.severity()).isEqualTo(Severity.PROBLEM);
            assertThat(failed.evidence().get("smtpReply")).startsWith("451");
            assertThat(Integer.parseInt(failed.evidence().get("attempts"))).isGreaterThan(1);
            assertThat(failed.fix().action()).isEqualTo(Fix.Action.RETRY_EMAIL);
        }
    }

    @Test
    void aWelcomeStillInTheOutboxIsReportedWithoutAFix() {
        contact(JO);
        services.offers().grant(JO, GOLD, null, agent);
        services.credentials().setPassword(JO, null, PASSWORD, false, agent);
        services.credentials().resendWelcome(JO, GOLD, agent);
        clock.advance(Duration.ofMinutes(20));

        Finding queued = only(diagnose(Concern.offer(GOLD)), DiagnosticCodes.EMAIL_QUEUED);

        assertThat(queued.severity()).isEqualTo(Severity.WARNING);
        assertThat(queued.evidence()).containsEntry("status", "queued").containsEntry("createdAt", TestServices.START);
        assertThat(queued.fixes()).isEmpty();
    }

    @Test
    void anOfferWithoutAnyWelcomeEmailIsFixedByResendingIt() {
        contact(JO);
        services.offers().grant(JO, GOLD, null, agent);
        services.credentials().setPassword(JO, null, PASSWORD, false, agent);

        Finding never = only(diagnose(Concern.none()), DiagnosticCodes.WELCOME_NEVER_SENT);
        assertThat(never.severity()).isEqualTo(Severity.WARNING);
        assertThat(never.fix()).isEqualTo(Fix.resendWelcome(GOLD));

        FixResult result = diagnostics.applyFix(JO, never.fix(), agent);

        assertThat(result.message()).contains("welcome email for " + GOLD);
        assertThat(codes(diagnose(Concern.none()))).containsExactly(DiagnosticCodes.EMAIL_QUEUED);
        services.emails().runOutbox(true);
        assertThat(diagnose(Concern.none())).isEmpty();
    }

    @Test
    void anEmailTheServerAcceptedButTheContactNeverSawPointsToSpamWithTheMessageId() {
        happyJo();
        clock.advance(Duration.ofHours(1));

        assertThat(diagnose(Concern.offer(GOLD))).as("only the contact can say it never arrived").isEmpty();
        List<Finding> findings = diagnose(Concern.offer(GOLD).andNotReceived());

        Finding spam = only(findings, DiagnosticCodes.EMAIL_SENT_CHECK_SPAM);
        assertThat(spam.severity()).isEqualTo(Severity.WARNING);
        assertThat(spam.evidence()).containsEntry("sentAt", TestServices.START).containsKey("messageId")
                .containsEntry("kind", "welcome");
        assertThat(spam.message()).contains("spam or junk").contains(spam.evidence().get("messageId"));
        assertThat(spam.fixes()).containsExactly(Fix.resendWelcome(GOLD), Fix.sendResetLink(null));

        FixResult resent = diagnostics.applyFix(JO, spam.fix(), agent);
        services.emails().runOutbox(true);
        assertThat(services.emails().list(JO)).filteredOn(e -> e.id().equals(resent.emailId()))
                .singleElement().satisfies(e -> {
                    assertThat(e.status().code()).isEqualTo("sent");
                    assertThat(e.resendOfId()).isNotNull();
                });
    }

    // ---- order and fixes ----

    @Test
    void findingsComeWorstFirst() {
        contact(JO);
        services.offers().grant(JO, GOLD, null, agent);
        services.credentials().sendResetLink(JO, null, null, agent);
        String raw = deliverAndTakeLink();
        clock.advance(Duration.ofSeconds(2));
        services.credentials().openLink(raw);

        List<Finding> findings = diagnose(Concern.offer(GOLD).andNotReceived());

        assertThat(findings).extracting(Finding::severity).isSorted();
        assertThat(codes(findings)).containsExactly(DiagnosticCodes.PASSWORD_NEVER_SET,
                DiagnosticCodes.WELCOME_NEVER_SENT, DiagnosticCodes.EMAIL_SENT_CHECK_SPAM,
                DiagnosticCodes.LINK_OPENED_BY_SCANNER);
    }

    @Test
    void fixesAreRefusedForUnknownActionsAndForAnotherContactsEmail() {
        happyJo();
        services.contacts().add("kim@example.com", "Kim", List.of(), agent);
        EmailView jos = services.emails().list(JO).get(0);

        assertThatThrownBy(() -> diagnostics.applyFix(JO, Fix.Action.parse("reboot"), Map.of(), agent))
                .isInstanceOf(UserError.class).hasMessageStartingWith("unknown fix 'reboot'");
        assertThatThrownBy(() -> diagnostics.applyFix("kim@example.com", Fix.Action.RETRY_EMAIL,
                Map.of("emailId", jos.id().toString()), agent))
                .isInstanceOf(UserError.class).hasMessageContaining("no email with id");
        assertThatThrownBy(() -> diagnostics.applyFix(JO, Fix.Action.RESEND_WELCOME, Map.of(), agent))
                .isInstanceOf(UserError.class).hasMessage("resend-welcome needs the parameter offer");
    }
}
