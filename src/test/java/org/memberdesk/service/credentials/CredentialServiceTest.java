package org.memberdesk.service.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.memberdesk.testsupport.Verified;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactCard;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.testsupport.Bytes;
import org.memberdesk.testsupport.SmtpServicesCase;
import org.memberdesk.testsupport.TestServices;

/** The four ways back in, on a real SQLite file and a real SMTP server. */
class CredentialServiceTest extends SmtpServicesCase {

    private static final Pattern LINK = Pattern.compile("/(reset|set-password)/([A-Za-z0-9_-]{43})");

    CredentialService credentials;
    Actor agent = Actor.agent("Sam (support)");

    @BeforeEach
    void open() {
        credentials = services.credentials();
        services.offers().create("Momentum Membership", null, agent);
        services.offers().create("Budget Bootcamp", null, agent);
        services.contacts().add("dana@example.com", "Dana Whitfield", List.of(), agent);
        services.offers().grant("dana@example.com", "Momentum Membership", null, agent);
    }

    private String deliverAndTakeLink() {
        services.emails().runOutbox(true);
        MimeMessage[] received = smtp.getReceivedMessages();
        Matcher m = LINK.matcher(GreenMailUtil.getBody(received[received.length - 1]).replace("=\r\n", ""));
        assertThat(m.find()).as("the last email carries a link").isTrue();
        return m.group(2);
    }

    private String passwordHash() {
        return services.transactions().read(t -> t.portalAccounts()
                .ofContact(t.contacts().byEmail("dana@example.com").orElseThrow().getId())
                .orElseThrow().getCredential().getPasswordHash());
    }

    @Test
    void resendQueuesTheWelcomeAgainAsAResendAndLeavesThePasswordUntouched() {
        credentials.setPassword("dana@example.com", null, "plum orchard velvet sky", false, agent);
        EmailView first = credentials.resendWelcome("dana@example.com", "Momentum Membership", agent);
        services.emails().runOutbox(true);
        String before = passwordHash();

        EmailView again = credentials.resendWelcome("DANA@example.com", "momentum membership", true, agent);
        services.emails().runOutbox(true);

        assertThat(again.kind().code()).isEqualTo("welcome");
        assertThat(again.resendOfId()).isEqualTo(first.id());
        assertThat(again.originDetail()).isEqualTo("Sam (support)");
        assertThat(passwordHash()).isEqualTo(before);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[1])).doesNotContain("/set-password/");
    }

    @Test
    void resendIsRefusedForAnOfferNeverHeldOrRevokedAndWritesNothing() {
        long emails = services.emails().list("dana@example.com").size();
        assertThatThrownBy(() -> credentials.resendWelcome("dana@example.com", "Budget Bootcamp", agent))
                .isInstanceOf(UserError.class).hasMessageContaining("does not have");
        services.offers().revoke("dana@example.com", "Momentum Membership", "refund", agent);
        assertThatThrownBy(() -> credentials.resendWelcome("dana@example.com", "Momentum Membership", agent))
                .isInstanceOf(UserError.class).hasMessageContaining("revoked");
        assertThat(services.emails().list("dana@example.com")).hasSize((int) emails);
    }

    @Test
    void aWelcomeWithoutPasswordCarriesAWorkingSetPasswordLink() {
        credentials.resendWelcome("dana@example.com", "Momentum Membership", agent);
        String raw = deliverAndTakeLink();

        CredentialService.LinkCheck opened = credentials.openLink(raw);
        assertThat(opened.state().code()).isEqualTo("live");
        assertThat(opened.purpose().code()).isEqualTo("set-password");
        assertThat(opened.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(72)));

        credentials.completeLink(raw, null, "plum orchard velvet sky");
        assertThat(new PasswordHasher().matches("plum orchard velvet sky", passwordHash())).isTrue();
        assertThat(credentials.openLink(raw).state().code()).isEqualTo("used");
    }

    @Test
    void aResetLinkWorksOnceAndOpeningItDoesNotConsumeIt() {
        credentials.sendResetLink("dana@example.com", null, null, agent);
        String raw = deliverAndTakeLink();

        assertThat(credentials.openLink(raw).live()).isTrue();
        assertThat(credentials.openLink(raw).live()).as("a second GET, e.g. a mail scanner").isTrue();
        credentials.completeLink(raw, null, "plum orchard velvet sky");

        assertThat(credentials.openLink(raw).state().code()).isEqualTo("used");
        assertThatThrownBy(() -> credentials.completeLink(raw, null, "another long passphrase"))
                .isInstanceOf(UserError.class).hasMessageContaining("already used");
        assertThat(new PasswordHasher().matches("plum orchard velvet sky", passwordHash())).isTrue();
        // The contact is told the password changed (self-service always notifies).
        assertThat(services.emails().list("dana@example.com")).extracting(e -> e.kind().code())
                .contains("password-changed");
    }

    @Test
    void aResetLinkExpiresAfterTheChosenTime() {
        credentials.sendResetLink("dana@example.com", null, Duration.ofHours(2), agent);
        String raw = deliverAndTakeLink();

        clock.advance(Duration.ofHours(1).plusMinutes(59));
        assertThat(credentials.openLink(raw).live()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(credentials.openLink(raw).state().code()).isEqualTo("expired");
        assertThatThrownBy(() -> credentials.completeLink(raw, null, "plum orchard velvet sky"))
                .isInstanceOf(UserError.class).hasMessageContaining("expired");
        assertThat(passwordHash()).isNull();
        assertThatThrownBy(() -> credentials.sendResetLink("dana@example.com", null, Duration.ofHours(73), agent))
                .isInstanceOf(UserError.class).hasMessageContaining("1 to 72 hours");
        assertThatThrownBy(() -> credentials.sendResetLink("dana@example.com", null, Duration.ofMinutes(30), agent))
                .isInstanceOf(UserError.class);
    }

    @Test
    void aNewerLinkSupersedesTheOlderOne() {
        credentials.sendResetLink("dana@example.com", null, null, agent);
        String older = deliverAndTakeLink();
        clock.advance(Duration.ofMinutes(1));
        credentials.sendResetLink("dana@example.com", null, null, agent);
        String newer = deliverAndTakeLink();

        assertThat(credentials.openLink(older).state().code()).isEqualTo("superseded");
        assertThatThrownBy(() -> credentials.completeLink(older, null, "plum orchard velvet sky"))
                .isInstanceOf(UserError.class).hasMessageContaining("newer link");
        assertThat(credentials.openLink(newer).live()).isTrue();
    }

    @Test
    void changingThePasswordRevokesOutstandingLinksAndNotifiesOnlyWhenAsked() {
        credentials.sendResetLink("dana@example.com", null, null, agent);
        String raw = deliverAndTakeLink();
        int before = smtp.getReceivedMessages().length;

        CredentialService.PasswordChange quiet =
                credentials.setPassword("dana@example.com", null, "plum orchard velvet sky", false, agent);
        services.emails().runOutbox(true);
        assertThat(quiet.linksRevoked()).isEqualTo(1);
        assertThat(quiet.notification()).isNull();
        assertThat(smtp.getReceivedMessages()).hasSize(before);
        assertThat(credentials.openLink(raw).state().code()).isEqualTo("revoked");

        CredentialService.PasswordChange told =
                credentials.setPassword("dana@example.com", null, "a different long passphrase", true, agent);
        services.emails().runOutbox(true);
        assertThat(told.notification().kind().code()).isEqualTo("password-changed");
        assertThat(smtp.getReceivedMessages()).hasSize(before + 1);
        assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[before])).doesNotContain("a different long passphrase");
    }

    @Test
    void weakAndCommonPasswordsAreRefusedAndNothingChanges() {
        assertThatThrownBy(() -> credentials.setPassword("dana@example.com", null, "short", false, agent))
                .isInstanceOf(UserError.class).hasMessageContaining("at least 15");
        assertThatThrownBy(() -> credentials.setPassword("dana@example.com", null, "1qaz2wsx3edc4rfv", false, agent))
                .isInstanceOf(UserError.class).hasMessageContaining("commonly used");
        assertThat(passwordHash()).isNull();
        assertThat(services.audit().latest(50)).extracting(AuditLog.Entry::action)
                .doesNotContain("credentials.password-set");
    }

    @Test
    void theSixthResetEmailWithinAnHourIsRefusedWithTheTimeOfTheNext() {
        for (int i = 0; i < 3; i++) {
            credentials.sendResetLink("dana@example.com", null, null, agent);
            clock.advance(Duration.ofMinutes(5));
        }
        credentials.requestSelfServiceReset("dana@example.com", null);
        clock.advance(Duration.ofMinutes(5));
        credentials.requestSelfServiceReset("DANA@example.com", null);
        clock.advance(Duration.ofMinutes(5));

        assertThat(credentials.previewResetLink("dana@example.com", null).allowed()).isFalse();
        assertThatThrownBy(() -> credentials.sendResetLink("dana@example.com", null, null, agent))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("in the last hour")
                .hasMessageContaining("2026-03-02T10:00:00Z");
        credentials.requestSelfServiceReset("dana@example.com", null); // refused silently
        assertThat(services.emails().list("dana@example.com")).filteredOn(e -> e.kind().code().equals("reset-link")).hasSize(5);
        assertThat(services.audit().latest(50)).anySatisfy(e -> assertThat(e.outcome().code()).isEqualTo("refused"));

        clock.advance(Duration.ofMinutes(35)); // 10:00, the first leaves the window
        credentials.sendResetLink("dana@example.com", null, null, agent);
        assertThat(services.emails().list("dana@example.com")).filteredOn(e -> e.kind().code().equals("reset-link")).hasSize(6);
    }

    @Test
    void forgotPasswordForAnUnknownAddressQueuesNothingAndSaysNothing() {
        credentials.requestSelfServiceReset("nobody@example.com", null);
        credentials.requestSelfServiceReset("not an email", null);
        services.emails().runOutbox(true);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aCommunityResetTouchesOnlyThatGroupAndSendsNoMembershipWelcome() {
        services.communities().create("Founders Circle", agent);
        services.communities().add("dana@example.com", "Founders Circle", agent);
        credentials.setPassword("dana@example.com", null, "membership pass phrase", false, agent);
        String membershipHash = passwordHash();

        credentials.sendResetLink("dana@example.com", "founders circle", null, agent);
        services.emails().runOutbox(true);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        String body = GreenMailUtil.getBody(received[0]).replace("=\r\n", "");
        Matcher m = Pattern.compile("/community/founders-circle/reset/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(m.find()).isTrue();
        assertThat(services.emails().list("dana@example.com")).extracting(e -> e.kind().code())
                .containsExactly("community-reset-link");

        assertThatThrownBy(() -> credentials.completeLink(m.group(1), null, "group pass phrase here"))
                .as("a community link does not open the membership door").isInstanceOf(UserError.class);
        credentials.completeLink(m.group(1), "founders-circle", "group pass phrase here");
        assertThat(passwordHash()).isEqualTo(membershipHash);
        ContactCard card = services.contacts().card(services.contacts().byEmail("dana@example.com").id());
        assertThat(card.communities().get(0).credential().passwordSet()).isTrue();
        assertThat(services.emails().list("dana@example.com")).extracting(e -> e.kind().code())
                .contains("community-password-changed").doesNotContain("welcome", "password-changed");
    }

    @Test
    void unlockLiftsALockAndSaysWhenThereWasNone() {
        assertThat(credentials.unlock("dana@example.com", null, agent)).isFalse();
        services.transactions().write(t -> {
            t.portalAccounts().ofContact(t.contacts().byEmail("dana@example.com").orElseThrow().getId())
                    .orElseThrow().getCredential().lockUntil(clock.instant().plus(Duration.ofMinutes(15)));
            return null;
        });
        assertThat(services.contacts().card(services.contacts().byEmail("dana@example.com").id()).portal().locked())
                .isTrue();
        assertThat(credentials.unlock("dana@example.com", null, agent)).isTrue();
        assertThat(services.contacts().card(services.contacts().byEmail("dana@example.com").id()).portal().locked())
                .isFalse();
        assertThat(services.audit().latest(5)).extracting(AuditLog.Entry::action).contains("credentials.unlocked");
    }

    @Test
    void noRawTokenIsLeftAnywhereInTheDataDirectory() throws Exception {
        credentials.resendWelcome("dana@example.com", "Momentum Membership", agent);
        String setPassword = deliverAndTakeLink();
        credentials.sendResetLink("dana@example.com", null, null, agent);
        String reset = deliverAndTakeLink();
        services.close();
        services = TestServices.open(dir, clock, Map.of());

        Path logs = Path.of(System.getProperty("memberdesk.logdir", "target/test-logs"));
        try (Stream<Path> files = Stream.concat(Files.walk(dir), Files.exists(logs) ? Files.walk(logs) : Stream.empty())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (String raw : List.of(setPassword, reset)) {
                    assertThat(Bytes.contains(bytes, raw.getBytes(StandardCharsets.US_ASCII))).as(file + " holds a raw token")
                            .isFalse();
                }
            }
        }
    }

    @Test
    void aLinkMailedToAnAddressTheContactNoLongerHasSetsNoPasswordEvenIfNothingRevokedIt() {
        // A database from before issue 18: the address was changed without cancelling the links.
        credentials.sendResetLink("dana@example.com", null, null, agent);
        String raw = deliverAndTakeLink();
        services.transactions().write(t -> {
            t.contacts().byEmail("dana@example.com").orElseThrow().changeEmail("dana.w@example.com");
            return null;
        });

        assertThat(credentials.openLink(raw).state().code()).isEqualTo("revoked");
        assertThatThrownBy(() -> credentials.completeLink(raw, null, "whoever reads the old mailbox"))
                .isInstanceOf(UserError.class).hasMessageContaining("no longer valid");
        assertThat(services.contacts().card(services.contacts().byEmail("dana.w@example.com").id()).portal()
                .passwordSet()).isFalse();
    }

    @Test
    void aPasswordChosenThroughAnEmailedLinkGoesWithTheAddressOneSetByTheAgentStays() {
        services.communities().create("Founders Circle", agent);
        services.communities().add("dana@example.com", "Founders Circle", agent);
        credentials.sendResetLink("dana@example.com", null, null, agent);
        credentials.completeLink(deliverAndTakeLink(), null, "chosen through the mailed link");
        credentials.setPassword("dana@example.com", "Founders Circle", "the agent set this group one", false, agent);

        services.contacts().edit("dana@example.com", "dana.w@example.com", null, null, Verified.BY_PHONE, agent);

        ContactCard card = services.contacts().card(services.contacts().byEmail("dana.w@example.com").id());
        assertThat(card.portal().passwordSet()).as("chosen through the link mailed to the old address").isFalse();
        assertThat(card.communities()).singleElement()
                .satisfies(group -> assertThat(group.credential().passwordSet()).as("set by the agent").isTrue());
        assertThat(services.emails().list("dana.w@example.com").get(0)).satisfies(notice -> {
            assertThat(notice.kind().code()).isEqualTo("address-changed");
            assertThat(notice.recipient()).isEqualTo("dana@example.com");
        });
        assertThat(services.audit().ofContact(card.contact().id())).anySatisfy(entry -> assertThat(entry.detail())
                .contains("membership (Client Portal): 0 link(s) revoked, 0 session(s) ended, password cleared")
                .contains("community group Founders Circle: 0 link(s) revoked, 0 session(s) ended, password kept"));
    }
}
