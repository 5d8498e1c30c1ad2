package org.memberdesk.ui.viewmodel.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.testsupport.Await;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingFilePicker;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.RecordingInsightWindows;
import org.memberdesk.ui.viewmodel.TestConsoles;
import org.memberdesk.ui.viewmodel.mail.OutboxProblemRow;
import org.memberdesk.ui.viewmodel.mail.OutboxProblemsViewModel;
import org.memberdesk.ui.viewmodel.workflow.RecordingWorkflowWindows;

/**
 * Outbox problems as the console session opens it: it opens a contact's window, and follows what
 * another desk does to the outbox through the change feed, without anyone refreshing.
 */
class OutboxProblemsSessionTest extends ConsoleCase {

    Services other;

    @BeforeEach
    void openConsoleAndAnotherDesk() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        ConsoleTools tools = TestConsoles.tools(executor, RecordingDialogService.accepting(), messages, windows,
                mailWindows, new RecordingWorkflowWindows(), new RecordingInsightWindows(),
                RecordingFilePicker.cancelling());
        console = TestConsoles.console(dir, clock, tools);
        console.start();
        other = TestServices.open(dir, clock);
    }

    @AfterEach
    void closeTheOtherDesk() {
        other.close();
    }

    @Test
    void opensTheContactOfARowAndDropsTheEmailAnotherDeskRetried() {
        console.sessionProperty().get().openOutboxProblems();
        OutboxProblemsViewModel problems = mailWindows.outboxProblems.get(0);
        problems.load(); // what the window does when it shows
        await(() -> problems.rows().size() == 5, "the five failed and retrying emails of the demo");
        OutboxProblemRow marcus = problems.rows().stream()
                .filter(r -> r.contactEmail().equals("marcus.bell@example.org")).findFirst().orElseThrow();

        problems.selected().setAll(marcus);
        problems.openContact();
        assertThat(windows.shown).singleElement()
                .satisfies(contact -> assertThat(contact.contactId()).isEqualTo(marcus.contactId()));

        UUID id = marcus.emailId();
        other.emails().retry(id, Actor.agent("Kim (other desk)"));

        await(() -> problems.rows().stream().noneMatch(r -> r.emailId().equals(id)),
                "Outbox problems to drop the email the other desk retried");
        assertThat(problems.rows()).hasSize(4);
    }

    private void await(BooleanSupplier condition, String what) {
        Await.until(Duration.ofSeconds(10), () -> {
            executor.runPublished();
            return condition.getAsBoolean();
        }, what);
    }
}
