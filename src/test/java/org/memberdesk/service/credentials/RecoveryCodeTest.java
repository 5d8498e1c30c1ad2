package org.memberdesk.service.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.domain.TokenPurpose;
import org.memberdesk.service.Actor;
import org.memberdesk.service.credentials.CredentialService.RateLimited;
import org.memberdesk.service.credentials.CredentialService.RecoveryCode;
import org.memberdesk.testsupport.SmtpServicesCase;

/**
 * A code by phone: eight digits, 15 minutes, five wrong tries, an Argon2id hash, traded on the
 * portal for a single-use reset, never emailed, revoked like links, under the hourly reset limit.
 */
class RecoveryCodeTest extends SmtpServicesCase {

    private static final String DANA = "dana@example.com";

    CredentialService credentials;
    final Actor agent = Actor.agent("Sam (support)");

    @BeforeEach
    void open() {
        credentials = services.credentials();
        services.contacts().add(DANA, "Dana Whitfield", List.of(), agent);
    }

    private static final IdentityCheck PHONE = new IdentityCheck(IdentityCheck.Method.PHONE, null);

    private static String wrong(String code) {
        return code.equals("1234 5678") ? "8765 4321" : "1234 5678";
    }

    @Test
    void theCodeIsTradedOnceForAResetAndNothingIsEmailed() {
        RecoveryCode made = credentials.recoveryCode(DANA, null, PHONE, agent);

        assertThat(made.code()).matches("[0-9]{4} [0-9]{4}");
        assertThat(made.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(made.pageUrl()).endsWith("/code");
        assertThat(made.toString()).doesNotContain(made.code()).doesNotContain(made.code().replace(" ", ""));
        String stored = services.transactions().read(t -> t.tokens().ofContact(t.contacts().byEmail(DANA)
                .orElseThrow().getId()).get(0).getTokenHash());
        assertThat(stored).startsWith("$argon2id$").doesNotContain(made.code().replace(" ", ""));

        Optional<String> reset = credentials.redeemCode(" DANA@example.com ", null, made.code().replace(" ", "-"));

        assertThat(reset).isPresent();
        services.emails().runOutbox(true);
        assertThat(services.emails().list(DANA)).as("neither the code nor the reset is emailed").isEmpty();
        assertThat(credentials.openLink(reset.get()).state().code()).isEqualTo("live");
        credentials.completeLink(reset.get(), null, "plum orchard velvet sky");
        assertThat(credentials.redeemCode(DANA, null, made.code())).as("a code works once").isEmpty();
        assertThat(services.audit().ofContact(services.contacts().byEmail(DANA).id()))
                .extracting(e -> e.action())
                .contains("credentials.recovery-code-made", "credentials.recovery-code-used")
                .allSatisfy(action -> assertThat(action).doesNotContain(made.code()));
    }

    @Test
    void theFifthWrongTryKillsTheCode() {
        RecoveryCode made = credentials.recoveryCode(DANA, null, PHONE, agent);
        for (int i = 0; i < CredentialService.CODE_TRIES - 1; i++) {
            assertThat(credentials.redeemCode(DANA, null, wrong(made.code()))).isEmpty();
        }
        assertThat(credentials.redeemCode(DANA, null, wrong(made.code()))).isEmpty();

        assertThat(credentials.redeemCode(DANA, null, made.code())).as("dead after five wrong tries").isEmpty();
        assertThat(services.audit().latest(5)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("credentials.recovery-code-used");
            assertThat(entry.outcome().code()).isEqualTo("refused");
        });
    }

    @Test
    void fourWrongTriesLeaveTheCodeWorking() {
        RecoveryCode made = credentials.recoveryCode(DANA, null, PHONE, agent);
        for (int i = 0; i < CredentialService.CODE_TRIES - 1; i++) {
            credentials.redeemCode(DANA, null, wrong(made.code()));
        }

        assertThat(credentials.redeemCode(DANA, null, made.code())).isPresent();
    }

    @Test
    void anUnknownEmailAMalformedCodeAnExpiredOneAndARevokedOneAllGetNothing() {
        RecoveryCode made = credentials.recoveryCode(DANA, null, PHONE, agent);

        assertThat(credentials.redeemCode("ghost@example.com", null, made.code())).isEmpty();
        assertThat(credentials.redeemCode(DANA, null, "12345")).isEmpty();
        assertThat(credentials.redeemCode(DANA, null, null)).isEmpty();
        clock.advance(Duration.ofMinutes(15));
        assertThat(credentials.redeemCode(DANA, null, made.code())).as("expired").isEmpty();

        RecoveryCode second = credentials.recoveryCode(DANA, null, PHONE, agent);
        credentials.setPassword(DANA, null, "plum orchard velvet sky", false, agent);
        assertThat(credentials.redeemCode(DANA, null, second.code())).as("a password change revokes it").isEmpty();

        RecoveryCode third = credentials.recoveryCode(DANA, null, PHONE, agent);
        services.contacts().edit(DANA, "dana.w@example.com", null, null, PHONE, agent);
        assertThat(credentials.redeemCode("dana.w@example.com", null, third.code())).as("an email change revokes it")
                .isEmpty();
    }

    @Test
    void aCommunityCodeWorksOnlyAtItsGroupsDoor() {
        services.communities().create("Founders Circle", agent);
        services.communities().add(DANA, "Founders Circle", agent);
        RecoveryCode made = credentials.recoveryCode(DANA, "Founders Circle", PHONE, agent);

        assertThat(made.pageUrl()).endsWith("/community/founders-circle/code");
        assertThat(credentials.redeemCode(DANA, null, made.code())).as("not at the membership door").isEmpty();
        String reset = credentials.redeemCode(DANA, "founders-circle", made.code()).orElseThrow();
        assertThat(credentials.openLink(reset).groupSlug()).isEqualTo("founders-circle");
    }

    @Test
    void codesCountTowardsTheHourlyLimitOfResets() {
        for (int i = 0; i < CredentialService.RESET_EMAILS_PER_HOUR - 1; i++) {
            credentials.sendResetLink(DANA, null, null, agent);
        }
        RecoveryCode made = credentials.recoveryCode(DANA, null, PHONE, agent);

        assertThatThrownBy(() -> credentials.recoveryCode(DANA, null, PHONE, agent)).isInstanceOf(RateLimited.class);
        assertThatThrownBy(() -> credentials.sendResetLink(DANA, null, null, agent)).isInstanceOf(RateLimited.class);
        String reset = credentials.redeemCode(DANA, null, made.code()).orElseThrow();
        assertThat(credentials.openLink(reset).purpose().code()).as("the trade itself does not count").isEqualTo("reset");
        List<java.time.Instant> handedOut = services.transactions().read(t -> t.tokens().handedOutSince(
                t.contacts().byEmail(DANA).orElseThrow().getId(), clock.instant().minus(Duration.ofHours(1))));
        assertThat(handedOut).hasSize(1);
        assertThat(TokenPurpose.CODE.code()).isEqualTo("code");
    }
}
