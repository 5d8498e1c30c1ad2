package org.memberdesk.service.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.UserError;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.testsupport.SmtpServicesCase;

/**
 * Identity checks: the six-digit code emailed to the address on file and read back by the caller,
 * and the rules that make a check mandatory for an email change and out-of-band recovery.
 */
class IdentityChecksTest extends SmtpServicesCase {

    private static final String DANA = "dana@example.com";
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b([0-9]{6})\\b");
    private static final IdentityCheck BY_EMAIL_CODE = new IdentityCheck(IdentityCheck.Method.EMAIL_CODE, null);
    private static final IdentityCheck BY_PHONE = new IdentityCheck(IdentityCheck.Method.PHONE, null);

    IdentityChecks checks;
    final Actor agent = Actor.agent("Sam (support)");

    @BeforeEach
    void open() {
        checks = services.identityChecks();
        services.contacts().add(DANA, "Dana Whitfield", List.of(), agent);
    }

    /** Sends a code, delivers it over SMTP and reads it from the message the server received. */
    private String sendAndReceiveCode() {
        int before = smtp.getReceivedMessages().length;
        checks.sendCode(DANA, agent);
        services.emails().runOutbox(true);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(before + 1);
        Matcher m = SIX_DIGITS.matcher(GreenMailUtil.getBody(received[received.length - 1]));
        assertThat(m.find()).as("the email carries a six-digit code").isTrue();
        return m.group(1);
    }

    private static String wrong(String code) {
        return code.equals("123456") ? "654321" : "123456";
    }

    @Test
    void theCodeReachesTheContactButNobodyAtTheDeskCanReadIt() {
        String code = sendAndReceiveCode();

        EmailView email = services.emails().list(DANA).get(0);
        assertThat(email.kind()).isEqualTo(EmailView.Kind.VERIFICATION_CODE);
        String stored = services.emails().detail(email.id()).bodyText();
        assertThat(stored).doesNotContain(code).contains("[code hidden");
        String hash = services.transactions().read(t -> t.tokens()
                .callerCodes(t.contacts().byEmail(DANA).orElseThrow().getId()).get(0).getTokenHash());
        assertThat(hash).startsWith("$argon2id$").doesNotContain(code);
        int links = services.transactions().read(t -> t.tokens()
                .ofContact(t.contacts().byEmail(DANA).orElseThrow().getId()).size());
        assertThat(links).as("a code is not a link").isZero();
    }

    @Test
    void aRightCodeLetsTheAgentSayEmailCodeForHalfAnHour() {
        assertThatThrownBy(() -> services.credentials().recoveryLink(DANA, null, null, BY_EMAIL_CODE, agent))
                .as("no code was checked yet").isInstanceOf(UserError.class).hasMessageContaining("no emailed code");

        String code = sendAndReceiveCode();
        IdentityChecks.CodeCheck check = checks.checkCode(DANA, code.substring(0, 3) + " " + code.substring(3), agent);

        assertThat(check.correct()).isTrue();
        assertThat(check.holdsUntil()).isEqualTo(clock.instant().plus(IdentityChecks.CHECK_HOLDS_FOR));
        assertThat(services.credentials().recoveryLink(DANA, null, null, BY_EMAIL_CODE, agent).link()).contains("/reset/");
        assertThat(services.audit().ofContact(services.contacts().byEmail(DANA).id()))
                .extracting(e -> e.detail()).anySatisfy(d -> assertThat(d).endsWith("caller verified by email-code"))
                .allSatisfy(d -> assertThat(d == null ? "" : d).doesNotContain(code));
        assertThatThrownBy(() -> checks.checkCode(DANA, code, agent)).as("a code works once")
                .isInstanceOf(UserError.class);

        clock.advance(IdentityChecks.CHECK_HOLDS_FOR.plusMinutes(1));
        assertThatThrownBy(() -> services.credentials().setPassword(DANA, null, null, "plum orchard velvet sky", false,
                        BY_EMAIL_CODE, agent))
                .isInstanceOf(UserError.class).hasMessageContaining("no emailed code");
    }

    @Test
    void theFifthWrongTryKillsTheCode() {
        String code = sendAndReceiveCode();
        for (int left = IdentityChecks.CODE_TRIES - 1; left >= 0; left--) {
            IdentityChecks.CodeCheck check = checks.checkCode(DANA, wrong(code), agent);
            assertThat(check.correct()).isFalse();
            assertThat(check.triesLeft()).isEqualTo(left);
        }
        assertThatThrownBy(() -> checks.checkCode(DANA, code, agent)).isInstanceOf(UserError.class)
                .hasMessageContaining("no code is waiting");
        assertThatThrownBy(() -> checks.checkCode(DANA, "12345", agent)).isInstanceOf(UserError.class)
                .hasMessageContaining("6 digits");
    }

    @Test
    void aNewerCodeReplacesTheOlderAndLeavesResetLinksAlone() {
        String reset = services.credentials().recoveryLink(DANA, null, null, BY_PHONE, agent).link();
        String first = sendAndReceiveCode();
        String second = sendAndReceiveCode();
        if (!first.equals(second)) {
            assertThat(checks.checkCode(DANA, first, agent).correct()).as("the older code is gone").isFalse();
        }
        assertThat(checks.checkCode(DANA, second, agent).correct()).isTrue();
        String token = reset.substring(reset.lastIndexOf('/') + 1);
        assertThat(services.credentials().openLink(token).live()).as("a code does not supersede a link").isTrue();
    }

    @Test
    void aCheckMadeBeforeAnEmailChangeDoesNotHoldForTheNewAddress() {
        String code = sendAndReceiveCode();
        assertThat(checks.checkCode(DANA, code, agent).correct()).isTrue();

        services.contacts().change(DANA, "dana.w@example.com", null, null, BY_EMAIL_CODE, agent);

        assertThatThrownBy(() -> services.credentials().recoveryCode("dana.w@example.com", null, BY_EMAIL_CODE, agent))
                .isInstanceOf(UserError.class).hasMessageContaining("no emailed code");
        assertThat(services.audit().ofContact(services.contacts().byEmail("dana.w@example.com").id()))
                .anySatisfy(e -> assertThat(e.detail()).contains("dana@example.com -> dana.w@example.com (caller verified"
                        + " by email-code)"));
    }

    @Test
    void anEmailChangeNeedsACheckUnlessTheRuleIsRelaxed() {
        assertThatThrownBy(() -> services.contacts().edit(DANA, "dana.w@example.com", null, null, agent))
                .isInstanceOf(IdentityChecks.VerificationNeeded.class).hasMessageContaining("say how you verified");
        assertThat(services.contacts().byEmail(DANA).email()).as("nothing changed").isEqualTo(DANA);
        assertThat(services.contacts().edit(DANA, null, "Dana W.", null, agent).name())
                .as("a name or tags need no check").isEqualTo("Dana W.");

        assertThat(checks.setRules(false, null, agent)).isEqualTo(new IdentityChecks.Rules(false, true));
        assertThat(services.contacts().edit(DANA, "dana.w@example.com", null, null, agent).email())
                .isEqualTo("dana.w@example.com");
        assertThat(services.audit().latest(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("identity.rules-changed");
            assertThat(e.detail()).isEqualTo("email change optional, recovery link or code required");
        });
    }

    @Test
    void recoveryNeedsACheckUnlessTheRuleIsRelaxed() {
        assertThatThrownBy(() -> services.credentials().recoveryCode(DANA, null, null, agent))
                .isInstanceOf(IdentityChecks.VerificationNeeded.class);

        checks.setRules(null, false, agent);

        assertThat(services.credentials().recoveryCode(DANA, null, null, agent).code()).matches("[0-9]{4} [0-9]{4}");
        assertThat(services.audit().ofContact(services.contacts().byEmail(DANA).id()))
                .anySatisfy(e -> assertThat(e.detail()).endsWith("caller not verified (not required)"));
    }

    @Test
    void atMostFiveCodesAnHour() {
        for (int i = 0; i < IdentityChecks.CODES_PER_HOUR; i++) {
            checks.sendCode(DANA, agent);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> checks.sendCode(DANA, agent)).isInstanceOf(UserError.class)
                .hasMessageContaining("5 codes went to dana@example.com");
        clock.advance(Duration.ofMinutes(56));
        assertThat(checks.sendCode(DANA, agent).email().recipient()).isEqualTo(DANA);
    }
}
