package org.memberdesk.ui.viewmodel.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.credentials.IdentityCheck;
import org.memberdesk.testsupport.SmtpServicesCase;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingClipboard;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DisplayTime;

/** "Code emailed" in a dialog: Send code, the caller reads it back, Check; only a right code counts as said. */
class CallerVerificationTest extends SmtpServicesCase {

    private static final String DANA = "dana@example.com";
    private static final Actor AGENT = Actor.agent("Sam (support)");

    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    CallerVerification verification;

    @BeforeEach
    void open() {
        services.contacts().add(DANA, "Dana Whitfield", List.of(), AGENT);
        EmailHistoryViewModel.Tools tools = new EmailHistoryViewModel.Tools(executor, RecordingDialogService.accepting(),
                new RecordingClipboard(), messages, new DisplayTime(ZoneOffset.UTC, messages.locale()), AGENT);
        verification = CallerVerification.withEmailCode(services.identityChecks(), tools, () -> DANA);
    }

    private String received() {
        services.emails().runOutbox(true);
        MimeMessage[] all = smtp.getReceivedMessages();
        Matcher m = Pattern.compile("\\b([0-9]{6})\\b").matcher(GreenMailUtil.getBody(all[all.length - 1]));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void onlyARightCodeReadBackCountsAsSaid() {
        verification.methodProperty().set(verification.choices().stream()
                .filter(c -> c.method() == IdentityCheck.Method.EMAIL_CODE).findFirst().orElseThrow());
        assertThat(verification.byEmailCodeProperty().get()).isTrue();
        assertThat(verification.said().get()).as("nothing checked yet").isFalse();
        assertThat(verification.usable().get()).isFalse();

        verification.sendCode();
        assertThat(verification.codeSentProperty().get()).isTrue();
        assertThat(verification.codeStatusProperty().get()).startsWith("Code sent to " + DANA + ", valid until ");
        String code = received();

        verification.codeProperty().set(code.equals("000000") ? "999999" : "000000");
        verification.checkCode();
        assertThat(verification.codeStatusProperty().get()).isEqualTo("Wrong code; 4 tries left.");
        assertThat(verification.said().get()).isFalse();

        verification.codeProperty().set(code);
        verification.checkCode();
        assertThat(verification.codeStatusProperty().get()).isEqualTo("Right code: the caller is verified.");
        assertThat(verification.said().get()).isTrue();
        assertThat(verification.identity().method()).isEqualTo(IdentityCheck.Method.EMAIL_CODE);
        // the service takes the agent's word only with that check behind it
        assertThat(services.credentials().recoveryLink(DANA, null, null, verification.identity(), AGENT).link())
                .contains("/reset/");
    }

    @Test
    void withoutTheServiceThereIsNoEmailedCodeToChoose() {
        CallerVerification plain = new CallerVerification(messages);
        assertThat(plain.choices()).extracting(VerificationChoice::method)
                .doesNotContain(IdentityCheck.Method.EMAIL_CODE);
    }
}
