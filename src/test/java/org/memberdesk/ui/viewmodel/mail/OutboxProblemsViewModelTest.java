package org.memberdesk.ui.viewmodel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DisplayTime;

/**
 * Outbox problems on the demo data (Hana's welcome retrying; Marcus's failed after a timeout; Olu's,
 * Priya's and Mei's refused with 55x): the list and its filters, Open contact, and Retry all with its
 * dry-run summary first, progress, and Cancel.
 */
class OutboxProblemsViewModelTest {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    Services services;
    final List<String> opened = new ArrayList<>();

    @BeforeEach
    void seed() {
        services = TestServices.open(dir, clock, Map.of());
        services.demo().seed();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private OutboxProblemsViewModel open(TestExecutor executor, RecordingDialogService dialogs) {
        Messages messages = Messages.load();
        OutboxProblemsViewModel model = new OutboxProblemsViewModel(services.outboxProblems(),
                new OutboxProblemsViewModel.Tools(executor, dialogs, messages,
                        new DisplayTime(clock.getZone(), Locale.ENGLISH), clock, () -> Actor.agent("Sam (support)"),
                        (id, name, email) -> opened.add(name + " " + email)));
        model.load();
        return model;
    }

    @Test
    void listsTheFailedAndRetryingEmailsOfTheLastWeekFilteredByKindAndOpensTheContact() {
        OutboxProblemsViewModel model = open(TestExecutor.currentThread(), RecordingDialogService.accepting());

        assertThat(model.rows()).extracting(OutboxProblemRow::contactEmail).containsExactly(
                "hana.kobayashi@example.com", "olu.adeyemi@exmaple.com", "marcus.bell@example.org",
                "priya.natarajan@example.net", "\"mei lin\"@example.com");
        assertThat(model.countTextProperty().get()).isEqualTo("5 emails, 4 failed");
        OutboxProblemRow marcus = model.rows().get(2);
        assertThat(marcus.status()).isEqualTo("Failed");
        assertThat(marcus.kind()).isEqualTo("Membership welcome");
        assertThat(marcus.attempts()).isEqualTo("5 attempts");
        assertThat(marcus.reply()).startsWith("421 4.4.2");
        assertThat(model.rows().get(1).hardBounce()).isTrue();

        model.selected().setAll(marcus);
        model.openContact();
        assertThat(opened).containsExactly("Marcus Bell marcus.bell@example.org");

        model.kindProperty().set(model.kinds().stream()
                .filter(k -> k.kind() == EmailView.Kind.RESET_LINK).findFirst().orElseThrow());
        assertThat(model.rows()).isEmpty();
        assertThat(model.selected()).as("the selection follows the rows listed").isEmpty();
        assertThat(model.retrySelectedCommand().executableProperty().get()).isFalse();
    }

    @Test
    void retryAllSaysFirstWhatItWouldRetryAndSkipAndDeclinedChangesNothing() {
        RecordingDialogService dialogs = RecordingDialogService.declining();
        OutboxProblemsViewModel model = open(TestExecutor.currentThread(), dialogs);

        model.retryAll();

        assertThat(dialogs.asked()).singleElement().satisfies(asked -> {
            assertThat(asked.question()).isEqualTo("Retry 1 failed email from these days?");
            assertThat(asked.details()).contains("3 hard bounces", "1 email still retrying by itself");
            assertThat(asked.acceptLabel()).isEqualTo("Retry 1");
        });
        assertThat(services.emails().list("marcus.bell@example.org").get(0).status())
                .isEqualTo(EmailView.Status.FAILED);
    }

    @Test
    void aPacedRetryAllSaysHowLongItWillTake() {
        RecordingDialogService dialogs = RecordingDialogService.declining();
        OutboxProblemsViewModel model = open(TestExecutor.currentThread(), dialogs);
        assertThat(model.paceProperty().get().perMinute()).as("as fast as possible unless chosen").isZero();
        assertThat(model.paces()).extracting(OutboxProblemsViewModel.PaceChoice::label)
                .contains("As fast as possible", "60 a minute");

        model.paceProperty().set(model.paces().stream().filter(p -> p.perMinute() == 10).findFirst().orElseThrow());
        model.retryAll();

        assertThat(dialogs.asked()).singleElement().satisfies(asked -> assertThat(asked.question())
                .isEqualTo("Retry 1 failed email from these days? At 10 a minute this takes about 1 minute;"
                        + " Cancel stops it between two emails."));
    }

    @Test
    void retryAllRetriesOnTheAgentsWordAndReadsTheListAgain() {
        OutboxProblemsViewModel model = open(TestExecutor.currentThread(), RecordingDialogService.accepting());

        model.retryAll();

        assertThat(services.emails().list("marcus.bell@example.org").get(0).status())
                .isEqualTo(EmailView.Status.QUEUED);
        assertThat(model.statusProperty().get()).startsWith("Retried 1, skipped 4.");
        assertThat(model.rows()).extracting(OutboxProblemRow::contactEmail)
                .doesNotContain("marcus.bell@example.org").hasSize(4);
        assertThat(model.retryAllCommand().isRunning()).isFalse();
    }

    @Test
    void cancelStopsRetryAllBeforeTheNextEmail() {
        UUID priya = services.emails().list("priya.natarajan@example.net").get(0).id();
        services.transactions().write(t -> {
            t.emails().byId(priya).orElseThrow().markFailed("421 4.3.2 try again later");
            return null;
        });
        TestExecutor executor = TestExecutor.currentThread().holdWork();
        OutboxProblemsViewModel model = open(executor, RecordingDialogService.accepting());
        executor.runHeldWork();

        model.retryAll();
        executor.runHeldWork(); // the dry run, then the confirmation: Retry all is under way
        assertThat(model.retryAllCommand().isRunning()).isTrue();
        model.cancel();
        assertThat(model.cancellingProperty().get()).isTrue();
        executor.runHeldWork();

        assertThat(model.statusProperty().get()).isEqualTo("Cancelled: retried 0; 2 not retried.");
        assertThat(services.emails().detail(priya).email().status()).isEqualTo(EmailView.Status.FAILED);
        assertThat(model.cancellingProperty().get()).isFalse();
    }
}
