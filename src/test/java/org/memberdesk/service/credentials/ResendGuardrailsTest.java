package org.memberdesk.service.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.memberdesk.testsupport.Verified;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.credentials.CredentialService.RateLimited;
import org.memberdesk.service.credentials.CredentialService.ResendTooSoon;
import org.memberdesk.testsupport.SmtpServicesCase;

/**
 * Resend's guardrails: the same welcome again within ten minutes is asked about first, welcome
 * resends are limited per contact and hour, and a set-password link a resend mints is one more link
 * under the hourly limit of reset emails.
 */
class ResendGuardrailsTest extends SmtpServicesCase {

    private static final String DANA = "dana@example.com";
    private static final String MOMENTUM = "Momentum Membership";

    CredentialService credentials;
    final Actor agent = Actor.agent("Sam (support)");

    @BeforeEach
    void open() {
        credentials = services.credentials();
        services.offers().create(MOMENTUM, null, agent);
        services.offers().create("Budget Bootcamp", null, agent);
        services.contacts().add(DANA, "Dana Whitfield", List.of(), agent);
        services.offers().grant(DANA, MOMENTUM, null, agent);
        services.offers().grant(DANA, "Budget Bootcamp", null, agent);
    }

    private int emails() {
        return services.emails().list(DANA).size();
    }

    @Test
    void theSameWelcomeWithinTenMinutesIsRefusedNamingWhenItWentUnlessAskedAgain() {
        credentials.setPassword(DANA, null, "plum orchard velvet sky", false, agent);
        Instant first = credentials.resendWelcome(DANA, MOMENTUM, agent).createdAt();
        clock.advance(Duration.ofMinutes(9));
        int before = emails();

        assertThatThrownBy(() -> credentials.resendWelcome(DANA, MOMENTUM, agent))
                .isInstanceOfSatisfying(ResendTooSoon.class, refused -> {
                    assertThat(refused.lastSentAt()).isEqualTo(first);
                    assertThat(refused.offer()).isEqualTo(MOMENTUM);
                })
                .hasMessageContaining("9 minute(s) ago").hasMessageContaining(first.toString());
        assertThat(emails()).isEqualTo(before);

        assertThat(credentials.resendWelcome(DANA, MOMENTUM, true, agent).kind().code()).isEqualTo("welcome");
        assertThat(credentials.resendWelcome(DANA, "Budget Bootcamp", agent).kind().code())
                .as("another offer's welcome is another email").isEqualTo("welcome");
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(credentials.resendWelcome(DANA, MOMENTUM, agent).kind().code()).isEqualTo("welcome");
    }

    @Test
    void atMostTenWelcomeResendsAnHourForOneContact() {
        credentials.setPassword(DANA, null, "plum orchard velvet sky", false, agent);
        for (int i = 0; i < CredentialService.WELCOME_RESENDS_PER_HOUR; i++) {
            credentials.resendWelcome(DANA, i % 2 == 0 ? MOMENTUM : "Budget Bootcamp", true, agent);
            clock.advance(Duration.ofMinutes(1));
        }
        int before = emails();

        assertThatThrownBy(() -> credentials.resendWelcome(DANA, MOMENTUM, true, agent))
                .isInstanceOf(RateLimited.class).hasMessageContaining("10 welcome emails were resent");
        assertThat(emails()).isEqualTo(before);
        assertThat(services.audit().latest(10)).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("credentials.welcome-resent");
            assertThat(event.outcome().code()).isEqualTo("refused");
        });

        clock.advance(Duration.ofMinutes(51));
        assertThat(credentials.resendWelcome(DANA, MOMENTUM, true, agent).kind().code()).isEqualTo("welcome");
    }

    @Test
    void aResendThatMintsASetPasswordLinkObeysTheLimitOfResetEmails() {
        for (int i = 0; i < CredentialService.RESET_EMAILS_PER_HOUR; i++) {
            credentials.resendWelcome(DANA, MOMENTUM, true, agent);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThatThrownBy(() -> credentials.resendWelcome(DANA, MOMENTUM, true, agent))
                .isInstanceOf(RateLimited.class).hasMessageContaining("would carry one more");
        assertThatThrownBy(() -> credentials.sendResetLink(DANA, null, null, agent))
                .as("the links the resends minted count for reset links too").isInstanceOf(RateLimited.class);
    }

    @Test
    void resetEmailsCountAgainstAResendThatWouldMintALinkButNotAgainstOneThatWouldNot() {
        for (int i = 0; i < CredentialService.RESET_EMAILS_PER_HOUR; i++) {
            credentials.sendResetLink(DANA, null, null, agent);
        }

        assertThatThrownBy(() -> credentials.resendWelcome(DANA, MOMENTUM, agent)).isInstanceOf(RateLimited.class);

        credentials.setPassword(DANA, null, "plum orchard velvet sky", false, agent);
        assertThat(credentials.resendWelcome(DANA, MOMENTUM, agent).kind().code())
                .as("with a password the welcome carries no link").isEqualTo("welcome");
    }

    @Test
    void aWelcomeToTheAddressTheContactHadBeforeIsNotTheSameWelcome() {
        credentials.setPassword(DANA, null, "plum orchard velvet sky", false, agent);
        credentials.resendWelcome(DANA, MOMENTUM, agent);
        services.contacts().edit(DANA, "dana.whitfield@example.com", null, null, Verified.BY_PHONE, agent);

        assertThat(credentials.resendWelcome("dana.whitfield@example.com", MOMENTUM, agent).recipient())
                .isEqualTo("dana.whitfield@example.com");
        assertThatThrownBy(() -> credentials.resendWelcome("dana.whitfield@example.com", MOMENTUM, agent))
                .isInstanceOf(ResendTooSoon.class);
    }
}
