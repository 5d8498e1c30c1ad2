package org.memberdesk.service.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.UserError;
import org.memberdesk.service.credentials.CredentialService.RateLimited;
import org.memberdesk.service.credentials.CredentialService.RecoveryLink;
import org.memberdesk.testsupport.SmtpServicesCase;

/**
 * A recovery link to paste: a reset link shown once to the agent, never emailed, under the same
 * rules as a reset link (hash only, 1 to 72 hours, supersedes, counts towards 5 an hour, revoked by
 * a password change, audited).
 */
class RecoveryLinkTest extends SmtpServicesCase {

    private static final String DANA = "dana@example.com";
    private static final Pattern RAW = Pattern.compile("/reset/([A-Za-z0-9_-]{43})$");

    CredentialService credentials;
    final Actor agent = Actor.agent("Sam (support)");

    @BeforeEach
    void open() {
        credentials = services.credentials();
        services.contacts().add(DANA, "Dana Whitfield", List.of(), agent);
    }

    private static final IdentityCheck PHONE = new IdentityCheck(IdentityCheck.Method.PHONE, null);

    private static String raw(RecoveryLink link) {
        Matcher m = RAW.matcher(link.link());
        assertThat(m.find()).as("a reset link: %s", link.link()).isTrue();
        return m.group(1);
    }

    @Test
    void theLinkWorksOnceAndNothingIsEmailed() {
        RecoveryLink made = credentials.recoveryLink(DANA, null, Duration.ofHours(2), PHONE, agent);

        assertThat(made.contactEmail()).isEqualTo(DANA);
        assertThat(made.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
        assertThat(made.toString()).as("a log line never holds the link").doesNotContain(raw(made));
        services.emails().runOutbox(true);
        assertThat(services.emails().list(DANA)).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        String raw = raw(made);
        boolean hashStored = services.transactions().read(t -> t.tokens().byHash(Tokens.hash(raw)).isPresent());
        boolean rawStored = services.transactions().read(t -> t.tokens().byHash(raw).isPresent());
        assertThat(hashStored).isTrue();
        assertThat(rawStored).as("only the hash is stored").isFalse();
        assertThat(credentials.openLink(raw).state().code()).isEqualTo("live");
        credentials.completeLink(raw, null, "plum orchard velvet sky");
        assertThat(credentials.openLink(raw).state().code()).isEqualTo("used");

        List<AuditLog.Entry> audit = services.audit().ofContact(services.contacts().byEmail(DANA).id());
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("credentials.recovery-link-made");
            assertThat(entry.detail()).contains("not emailed").contains("2 hours").contains("caller verified by phone")
                    .doesNotContain(raw);
        });
    }

    @Test
    void aNewerLinkSupersedesTheEmailedOneAndAPasswordChangeRevokesIt() {
        credentials.sendResetLink(DANA, null, null, agent);
        services.emails().runOutbox(true);
        String emailed = com.icegreen.greenmail.util.GreenMailUtil.getBody(smtp.getReceivedMessages()[0])
                .replace("=\r\n", "").replaceAll("(?s).*/reset/([A-Za-z0-9_-]{43}).*", "$1");

        String pasted = raw(credentials.recoveryLink(DANA, null, null, PHONE, agent));

        assertThat(credentials.openLink(emailed).state().code()).isEqualTo("superseded");
        credentials.setPassword(DANA, null, "plum orchard velvet sky", false, agent);
        assertThat(credentials.openLink(pasted).state().code()).isEqualTo("revoked");
    }

    @Test
    void anEmailChangeRevokesALinkToPaste() {
        String pasted = raw(credentials.recoveryLink(DANA, null, null, PHONE, agent));

        services.contacts().edit(DANA, "dana.w@example.com", null, null, PHONE, agent);

        assertThat(credentials.openLink(pasted).state().code()).isEqualTo("revoked");
    }

    @Test
    void recoveryLinksAndResetEmailsShareTheHourlyLimit() {
        for (int i = 0; i < CredentialService.RESET_EMAILS_PER_HOUR - 1; i++) {
            credentials.sendResetLink(DANA, null, null, agent);
        }
        credentials.recoveryLink(DANA, null, null, PHONE, agent);

        assertThatThrownBy(() -> credentials.recoveryLink(DANA, null, null, PHONE, agent))
                .isInstanceOf(RateLimited.class).hasMessageContaining("in the last hour");
        assertThatThrownBy(() -> credentials.sendResetLink(DANA, null, null, agent))
                .as("the pasted link counts for emails too").isInstanceOf(RateLimited.class);
        assertThat(services.audit().latest(5)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("credentials.recovery-link-made");
            assertThat(entry.outcome().code()).isEqualTo("refused");
        });

        clock.advance(Duration.ofMinutes(61));
        assertThat(credentials.recoveryLink(DANA, null, null, PHONE, agent).link()).contains("/reset/");
    }

    @Test
    void aCommunityLinkOpensOnlyThatGroupAndTheLifetimeIsBounded() {
        services.communities().create("Founders Circle", agent);
        services.communities().add(DANA, "Founders Circle", agent);

        RecoveryLink group = credentials.recoveryLink(DANA, "founders circle", null, PHONE, agent);

        assertThat(group.link()).contains("/community/founders-circle/reset/");
        assertThat(group.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThatThrownBy(() -> credentials.completeLink(raw(group), null, "group pass phrase here"))
                .isInstanceOf(UserError.class);
        assertThatThrownBy(() -> credentials.recoveryLink(DANA, null, Duration.ofHours(73), PHONE, agent))
                .isInstanceOf(UserError.class).hasMessageContaining("1 to 72 hours");
        assertThatThrownBy(() -> credentials.recoveryLink("ghost@example.com", null, null, PHONE, agent))
                .isInstanceOf(UserError.class);
    }

    @Test
    void withoutSayingHowTheCallerWasVerifiedNothingIsMade() {
        assertThatThrownBy(() -> credentials.recoveryLink(DANA, null, null, null, agent))
                .isInstanceOf(UserError.class).hasMessageContaining("say how you verified");
        assertThatThrownBy(() -> credentials.recoveryCode(DANA, null, null, agent))
                .isInstanceOf(UserError.class).hasMessageContaining("say how you verified");
        assertThatThrownBy(() -> new IdentityCheck(IdentityCheck.Method.OTHER, " "))
                .isInstanceOf(UserError.class).hasMessageContaining("needs a note");
        int tokens = services.transactions().read(t -> t.tokens().ofContact(t.contacts().byEmail(DANA).orElseThrow()
                .getId()).size());
        assertThat(tokens).isZero();

        credentials.recoveryLink(DANA, null, null, new IdentityCheck(IdentityCheck.Method.OTHER, "knew the order number"),
                agent);
        assertThat(services.audit().ofContact(services.contacts().byEmail(DANA).id())).anySatisfy(entry ->
                assertThat(entry.detail()).endsWith("caller verified by other (note: knew the order number)"));
    }
}
