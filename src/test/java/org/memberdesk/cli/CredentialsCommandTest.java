package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code credentials ...} on the demo data, delivering to a real GreenMail server before each command exits. */
class CredentialsCommandTest extends SeededDemoCase {

    static final String DANA = "dana.whitfield@example.com"; // two active offers, no password yet
    static final String GRACE = "grace.omalley@example.net"; // revoked membership
    static final String BEN = "ben.carter@example.com";      // locked after failed logins
    static final String SOFIA = "sofia.rossi@example.net";   // Founders Circle member

    @Test
    void resendDeliversTheOffersWelcomeBeforeExiting() {
        JsonNode json = cli.run("credentials", "resend", "--contact", DANA, "--offer", "budget bootcamp", "--json")
                .succeeded().json();

        assertThat(json.get("kind").asText()).isEqualTo("welcome");
        assertThat(json.get("status").asText()).isEqualTo("sent");
        assertThat(json.get("delivery").get("sent").asInt()).isGreaterThanOrEqualTo(1);
        List<MimeMessage> received = smtp.receivedFor(DANA);
        assertThat(received).hasSize(1);
        assertThat(GreenMailUtil.getBody(received.get(0)).replace("=\r\n", "")).contains("/set-password/");
    }

    @Test
    void loginLinkNeedsMagicLinksOnThenEmailsEachContactAndListsWhoIsSkipped() {
        assertThat(cli.run("credentials", "login-link", "--contact", DANA).userError())
                .startsWith("error: magic-link sign-in is off");
        assertThat(cli.run("portal", "magic-links").succeeded().out()).isEqualTo("magic-link sign-in is off\n");
        assertThat(cli.run("portal", "magic-links", "maybe").userError())
                .isEqualTo("error: magic-links takes on or off, not 'maybe'");
        assertThat(cli.run("portal", "magic-links", "on", "--json").succeeded().json().get("on").asBoolean()).isTrue();

        String out = cli.run("credentials", "login-link", "--contact", DANA).succeeded().out();

        assertThat(out.lines()).first().asString().isEqualTo("sent a sign-in link to " + DANA + ", valid 15 minutes");
        assertThat(GreenMailUtil.getBody(smtp.receivedFor(DANA).get(0)).replace("=\r\n", "")).contains("/signin/");
        for (int i = 0; i < 4; i++) {
            cli.run("credentials", "login-link", "--contact", DANA, "--no-send").succeeded();
        }
        JsonNode many = cli.run("credentials", "login-link", "--contact", DANA, "--contact", BEN, "--json")
                .succeeded().json();
        assertThat(many.get("sent")).hasSize(1);
        assertThat(many.get("sent").get(0).get("recipient").asText()).isEqualTo(BEN);
        assertThat(many.get("skipped").get(0).get("contact").asText()).isEqualTo(DANA);
        assertThat(many.get("skipped").get(0).get("reason").asText()).contains("in the last hour");
        assertThat(cli.run("credentials", "login-link", "--contact", DANA).userError())
                .contains("in the last hour");
    }

    @Test
    void verifyCodeEmailsACodeThenAcceptsWhatTheCallerReadsBackOnce() {
        String sent = cli.run("credentials", "verify-code", "--contact", DANA).succeeded().out();

        assertThat(sent.lines()).first().asString().startsWith("emailed a 6-digit code to " + DANA + ", valid until ");
        assertThat(sent).doesNotContainPattern("\\b[0-9]{6}\\b");
        List<MimeMessage> received = smtp.receivedFor(DANA);
        assertThat(received).hasSize(1);
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\b([0-9]{6})\\b")
                .matcher(GreenMailUtil.getBody(received.get(0)));
        assertThat(digits.find()).isTrue();
        String code = digits.group(1);
        String wrong = code.equals("111111") ? "222222" : "111111";

        assertThat(cli.run("credentials", "recovery-link", "--contact", DANA, "--verified-by", "email-code").userError())
                .as("not before the code was read back").contains("no emailed code was read back");
        assertThat(cli.run("credentials", "verify-code", "--contact", DANA, "--code", wrong).userError())
                .isEqualTo("error: wrong code for " + DANA + "; 4 tries left");
        JsonNode checked = cli.run("credentials", "verify-code", "--contact", DANA, "--code", code, "--json")
                .succeeded().json();
        assertThat(checked.get("correct").asBoolean()).isTrue();
        assertThat(cli.run("credentials", "recovery-link", "--contact", DANA, "--verified-by", "email-code")
                .succeeded().out()).contains("/reset/");
        assertThat(cli.run("credentials", "verify-code", "--contact", DANA, "--code", code).userError())
                .as("used once").contains("no code is waiting");
    }

    @Test
    void theSameWelcomeAgainWithinTenMinutesIsRefusedWithExitOneUnlessAgain() {
        cli.run("credentials", "resend", "--contact", DANA, "--offer", "Budget Bootcamp").succeeded();

        String refused = cli.run("credentials", "resend", "--contact", DANA, "--offer", "Budget Bootcamp").userError();
        assertThat(refused).startsWith("error: the Budget Bootcamp welcome email already went to " + DANA)
                .endsWith("(--again resends it anyway)");
        assertThat(smtp.receivedFor(DANA)).hasSize(1);

        cli.run("credentials", "resend", "--contact", DANA, "--offer", "Budget Bootcamp", "--again").succeeded();
        assertThat(smtp.receivedFor(DANA)).hasSize(2);
    }

    @Test
    void recoveryLinkPrintsTheLinkOnceAndEmailsNothing() {
        String out = cli.run("credentials", "recovery-link", "--contact", DANA, "--expires", "2h", "--verified-by", "phone").succeeded().out();

        assertThat(out.lines().toList()).hasSize(2);
        assertThat(out.lines().findFirst().orElseThrow()).matches("http://\\S+/reset/[A-Za-z0-9_-]{43}");
        assertThat(out).contains("valid 2h").contains("shown once, not emailed");
        JsonNode json = cli.run("credentials", "recovery-link", "--contact", SOFIA, "--community", "Founders Circle",
                "--verified-by", "email-reply", "--json").succeeded().json();
        assertThat(json.get("link").asText()).contains("/community/founders-circle/reset/");
        assertThat(json.get("emailed").asBoolean()).isFalse();
        cli.run("outbox", "run").succeeded();
        assertThat(smtp.received()).isEmpty();

        assertThat(cli.run("credentials", "recovery-link", "--contact", DANA, "--expires", "0h", "--verified-by",
                "phone").userError()).contains("1 to 72 hours");
        assertThat(cli.run("credentials", "recovery-link", "--contact", DANA).userError())
                .contains("say how you verified").contains("email-reply, email-code, phone, other");
        assertThat(cli.run("credentials", "recovery-link", "--contact", DANA, "--verified-by", "guess").userError())
                .contains("email-reply, email-code, phone, other");
        assertThat(cli.run("credentials", "recovery-link", "--contact", DANA, "--verified-by", "other").userError())
                .contains("needs a note");
    }

    @Test
    void recoveryCodePrintsTheCodeOnceAndThePortalTradesItForAReset() {
        String out = cli.run("credentials", "recovery-code", "--contact", DANA, "--verified-by", "phone").succeeded().out();

        String code = out.lines().findFirst().orElseThrow();
        assertThat(code).matches("[0-9]{4} [0-9]{4}");
        assertThat(out).contains("/code").contains("shown once, not emailed");
        JsonNode json = cli.run("credentials", "recovery-code", "--contact", SOFIA, "--community", "Founders Circle",
                "--verified-by", "other", "--note", "knew the last order", "--json").succeeded().json();
        assertThat(json.get("code").asText()).matches("[0-9]{4} [0-9]{4}");
        assertThat(json.get("page").asText()).endsWith("/community/founders-circle/code");
        assertThat(smtp.received()).isEmpty();
        assertThat(cli.run("credentials", "recovery-code", "--contact", "ghost@example.com", "--verified-by", "phone")
                .userError())
                .contains("ghost@example.com");
    }

    @Test
    void setPasswordAndUnlockKeepHowTheCallerWasVerifiedInTheActivityLog() {
        cli.withStdin("plum orchard velvet sky\n").run("credentials", "set-password", "--contact", DANA,
                "--password-stdin", "--verified-by", "phone", "--no-send").succeeded();
        cli.run("credentials", "unlock", "--contact", BEN, "--verified-by", "other", "--note", "video call").succeeded();

        String log = cli.run("activity", "--limit", "5", "--json").succeeded().out();
        assertThat(log).contains("caller verified by phone").contains("caller verified by other (note: video call)");
        assertThat(cli.run("credentials", "unlock", "--contact", BEN, "--note", "x").userError())
                .contains("--note goes with --verified-by");
        assertThat(cli.withStdin("plum orchard velvet sky\n").run("credentials", "set-password", "--contact", DANA,
                "--password-stdin", "--verified-by", "other").userError()).contains("needs a note");
    }

    @Test
    void resendOfARevokedOfferIsAOneLineErrorAndSendsNothing() {
        String error = cli.run("credentials", "resend", "--contact", GRACE, "--offer", "Momentum Membership")
                .userError();
        assertThat(error).contains("revoked");
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void resetLinkTakesHoursAndWithNoSendOnlyQueues() {
        String line = cli.run("credentials", "reset-link", "--contact", DANA, "--expires", "48h", "--no-send")
                .succeeded().out();
        assertThat(line).contains("valid 48h");
        assertThat(smtp.received()).isEmpty();
        cli.run("outbox", "run").succeeded();
        assertThat(smtp.receivedFor(DANA)).hasSize(1);

        assertThat(cli.run("credentials", "reset-link", "--contact", DANA, "--expires", "73h").userError())
                .contains("1 to 72 hours");
        assertThat(cli.run("credentials", "reset-link", "--contact", DANA, "--expires", "tomorrow").userError())
                .contains("24h");
    }

    @Test
    void withNoSendTheCommandsSayQueuedNeverSent() {
        String reset = cli.run("credentials", "reset-link", "--contact", DANA, "--no-send").succeeded().out();
        assertThat(reset.lines()).first().asString()
                .isEqualTo("queued a membership reset link for " + DANA + ", valid 24h");
        assertThat(reset.lines().skip(1)).singleElement().asString()
                .startsWith("queued, not sent (--no-send): ").contains(" waiting in the outbox");
        assertThat(reset).doesNotContain("sent a");

        String resend = cli.run("credentials", "resend", "--contact", DANA, "--offer", "Budget Bootcamp", "--no-send")
                .succeeded().out();
        assertThat(resend.lines()).first().asString()
                .isEqualTo("queued the Budget Bootcamp welcome email again for " + DANA);

        String told = cli.withStdin("plum orchard velvet sky\n").run("credentials", "set-password", "--contact", DANA,
                "--password-stdin", "--notify", "--no-send").succeeded().out();
        assertThat(told.lines()).first().asString().endsWith("the notification email is queued");
        assertThat(smtp.received()).isEmpty();

        String sent = cli.run("credentials", "reset-link", "--contact", DANA).succeeded().out();
        assertThat(sent.lines()).first().asString()
                .isEqualTo("sent a membership reset link to " + DANA + ", valid 24h");
    }

    @Test
    void aCommunityResetGoesToTheGroupsDoorOnly() {
        cli.run("credentials", "reset-link", "--contact", SOFIA, "--community", "Founders Circle").succeeded();
        List<MimeMessage> received = smtp.receivedFor(SOFIA);
        assertThat(received).hasSize(1);
        assertThat(GreenMailUtil.getBody(received.get(0)).replace("=\r\n", ""))
                .contains("/community/founders-circle/reset/");
        assertThat(cli.run("credentials", "reset-link", "--contact", DANA, "--community", "Founders Circle")
                .userError()).contains("not a member");
    }

    @Test
    void setPasswordReadsStdinNotifiesOnlyWhenAskedAndRefusesWeakOnes() {
        JsonNode quiet = cli.withStdin("plum orchard velvet sky\n")
                .run("credentials", "set-password", "--contact", DANA, "--password-stdin", "--json").succeeded().json();
        assertThat(quiet.get("notified").asBoolean()).isFalse();
        assertThat(smtp.received()).isEmpty();

        CliRunner.Result told = cli.withStdin("another long passphrase\n")
                .run("credentials", "set-password", "--contact", DANA, "--password-stdin", "--notify");
        told.succeeded();
        assertThat(told.out()).doesNotContain("another long passphrase");
        assertThat(smtp.receivedFor(DANA)).hasSize(1);

        assertThat(cli.withStdin("1qaz2wsx3edc4rfv\n")
                .run("credentials", "set-password", "--contact", DANA, "--password-stdin").userError())
                .contains("commonly used");
        cli.run("credentials", "set-password", "--contact", DANA).usageError();
    }

    @Test
    void unlockSaysWhetherAnythingChanged() {
        assertThat(cli.run("credentials", "unlock", "--contact", BEN).succeeded().out()).contains("unlocked " + BEN);
        assertThat(cli.run("credentials", "unlock", "--contact", BEN).succeeded().out()).contains("was not locked");
        assertThat(cli.run("credentials", "unlock", "--contact", "nobody@example.com").userError())
                .contains("no contact");
    }
}
