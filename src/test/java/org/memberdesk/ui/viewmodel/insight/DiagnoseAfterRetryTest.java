package org.memberdesk.ui.viewmodel.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.diagnostics.DiagnosticCodes;
import org.memberdesk.service.email.DeliveryProgress;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.testsupport.Await;
import org.memberdesk.testsupport.SmtpServicesCase;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.insight.DiagnoseViewModel.Question;

/**
 * Diagnose on Marcus Bell, whose welcome email failed, with a real SMTP server: right after Retry the
 * checks see the email waiting in the outbox; once it has gone out they run again and say it was sent.
 */
class DiagnoseAfterRetryTest extends SmtpServicesCase {

    static final String MARCUS = "marcus.bell@example.org";

    @Test
    void afterRetryTheResultFollowsTheEmailUntilItIsSent() {
        services.demo().seed();
        Messages messages = Messages.load();
        TestExecutor executor = TestExecutor.currentThread();
        DeliveryFeed deliveries = new DeliveryFeed(executor, services.emails());
        UUID marcus = services.contacts().byEmail(MARCUS).id();
        InsightTools tools = new InsightTools(executor, RecordingDialogService.accepting(),
                RecordingFilePicker.cancelling(), messages, new DisplayTime(ZoneOffset.UTC, messages.locale()),
                Actor.agent("Sam (support)"));
        DiagnoseViewModel window = new DiagnoseViewModel(InsightBackend.of(services), marcus, "",
                new DiagnoseViewModel.ContactHooks() {
                    @Override
                    public void reload() {
                    }

                    @Override
                    public void showOffers() {
                    }
                }, tools, deliveries);
        window.load();
        window.questionProperty().set(Question.NOT_SURE);
        window.run();
        FindingRow failed = window.findings().get(0);
        assertThat(failed.code()).isEqualTo(DiagnosticCodes.EMAIL_FAILED);

        window.apply(failed.fixes().get(0));
        assertThat(window.findings()).extracting(FindingRow::code).contains(DiagnosticCodes.EMAIL_QUEUED);

        services.emails().runOutbox(true);
        Await.until(Duration.ofSeconds(20), () -> {
            executor.runPublished();
            return !window.statusProperty().get().startsWith("Done");
        }, "Diagnose to hear that the email went out");

        assertThat(smtp.getReceivedMessages()).isNotEmpty();
        assertThat(window.statusProperty().get()).isEqualTo("The email was sent. Checked again.");
        assertThat(window.findings()).as("what is left once the welcome is out").extracting(FindingRow::code)
                .containsExactly(DiagnosticCodes.PASSWORD_NEVER_SET);
        deliveries.close();
    }

    @Test
    void aRetryingEmailIsFollowedUntilItFailsAndTheStatusSaysSoInWords() {
        services.demo().seed();
        Messages messages = Messages.load();
        TestExecutor executor = TestExecutor.currentThread();
        DeliveryFeed deliveries = new DeliveryFeed(executor);
        UUID marcus = services.contacts().byEmail(MARCUS).id();
        DiagnoseViewModel window = window(marcus, messages, executor, deliveries);
        window.load();
        window.questionProperty().set(Question.NOT_SURE);
        window.run();
        window.apply(window.findings().get(0).fixes().get(0));
        String afterFix = window.statusProperty().get();
        assertThat(afterFix).startsWith("Done");
        UUID retried = services.emails().list(marcus).stream()
                .filter(email -> email.status() == EmailView.Status.QUEUED).findFirst().orElseThrow().id();

        deliveries.fire(new DeliveryProgress(DeliveryProgress.Phase.MESSAGE_UPDATED, retried, marcus,
                EmailView.Status.RETRYING, 1, 1));
        assertThat(window.statusProperty().get()).as("still waiting for the outcome").isEqualTo(afterFix);

        deliveries.fire(new DeliveryProgress(DeliveryProgress.Phase.MESSAGE_UPDATED, retried, marcus,
                EmailView.Status.FAILED, 1, 1));
        assertThat(window.statusProperty().get()).isEqualTo("The email could not be sent. Checked again.");
    }

    private DiagnoseViewModel window(UUID contact, Messages messages, TestExecutor executor,
                                            DeliveryFeed deliveries) {
        InsightTools tools = new InsightTools(executor, RecordingDialogService.accepting(),
                RecordingFilePicker.cancelling(), messages, new DisplayTime(ZoneOffset.UTC, messages.locale()),
                Actor.agent("Sam (support)"));
        return new DiagnoseViewModel(InsightBackend.of(services), contact, "",
                new DiagnoseViewModel.ContactHooks() {
                    @Override
                    public void reload() {
                    }

                    @Override
                    public void showOffers() {
                    }
                }, tools, deliveries);
    }
}
