package org.memberdesk.ui.viewmodel.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.demo.DemoData;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.testsupport.Await;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingLinkOpener;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.RecordingInsightWindows;
import org.memberdesk.ui.viewmodel.TestConsoles;
import org.memberdesk.ui.viewmodel.contact.ContactFormViewModel;
import org.memberdesk.ui.viewmodel.workflow.RecordingWorkflowWindows;

/**
 * The session of an open data directory: it starts mail delivery, the workflow engine and the portal
 * together, closes them and the database as one unit, and its view models work on a real data directory.
 */
class ConsoleSessionTest extends ConsoleCase {

    final RecordingDialogService dialogs = RecordingDialogService.accepting();
    final RecordingWorkflowWindows workflowWindows = new RecordingWorkflowWindows();
    final RecordingInsightWindows insightWindows = new RecordingInsightWindows();
    final List<Services> opened = new ArrayList<>();

    private ConsoleViewModel console(TestExecutor work) {
        ConsoleTools tools = TestConsoles.tools(work, dialogs, messages, windows, mailWindows, workflowWindows,
                insightWindows, org.memberdesk.ui.common.RecordingFilePicker.cancelling());
        ConsoleShell shell = new ConsoleShell(portal, new RecordingShellWindows(), new RecordingLinkOpener(), Map.of(),
                "dev", () -> false);
        console = TestConsoles.console(dir, () -> {
            Services services = TestServices.open(dir, clock);
            opened.add(services);
            return services;
        }, tools, shell);
        return console;
    }

    private ConsoleSession session() {
        return console.sessionProperty().get();
    }

    @Test
    void startsDeliveryTheWorkflowEngineAndThePortalAndStopsThemAsOneUnit() throws Exception {
        int port = seedWithPortalPort();
        ConsoleViewModel console = console(executor);
        assertThat(console.sessionProperty().get()).as("none before the database is open").isNull();

        console.start();

        ConsoleSession session = session();
        Services services = opened.get(0);
        String url = "http://localhost:" + port + "/";
        assertThat(services.emails().backgroundDeliveryRunning()).isTrue();
        assertThat(services.workflows().isRunning()).isTrue();
        assertThat(session.workflowsReadyProperty().get()).isTrue();
        assertThat(session.portal().urlProperty().get()).isEqualTo(url);
        assertThat(status(url)).isEqualTo(200);
        assertThat(dialogs.errors()).isEmpty();

        console.close();

        assertThat(console.sessionProperty().get()).isNull();
        assertThat(services.emails().backgroundDeliveryRunning()).isFalse();
        assertThat(services.workflows().isRunning()).isFalse();
        assertThat(session.workflowsReadyProperty().get()).isFalse();
        assertThat(session.portal().urlProperty().get()).isEmpty();
        assertThatThrownBy(() -> status(url)).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> services.contacts().count()).as("the database is closed").isNotNull();
    }

    @Test
    void resetDemoClosesTheSessionAndOpensANewOneOnTheSameDataDirectory() throws Exception {
        int port = seedWithPortalPort();
        ConsoleViewModel console = console(executor);
        console.start();
        ConsoleSession first = session();
        Services firstServices = opened.get(0);

        console.resetDemo();

        ConsoleSession second = session();
        assertThat(second).isNotNull().isNotSameAs(first);
        assertThat(opened).hasSize(2);
        assertThat(firstServices.emails().backgroundDeliveryRunning()).isFalse();
        assertThat(firstServices.workflows().isRunning()).isFalse();
        assertThat(first.workflowsReadyProperty().get()).isFalse();
        Services secondServices = opened.get(1);
        assertThat(secondServices.emails().backgroundDeliveryRunning()).isTrue();
        assertThat(secondServices.workflows().isRunning()).isTrue();
        assertThat(second.workflowsReadyProperty().get()).isTrue();
        String url = "http://localhost:" + port + "/";
        assertThat(second.portal().urlProperty().get()).isEqualTo(url);
        assertThat(status(url)).isEqualTo(200);
        assertThat(console.phaseProperty().get()).isEqualTo(ConsoleViewModel.Phase.READY);
        assertThat(dialogs.errors()).isEmpty();

        console.list().queryProperty().set("dana");
        assertThat(console.list().results()).extracting(ContactRow::name).containsExactly("Dana Whitfield");
        console.openSelected();
        assertThat(windows.shown).singleElement()
                .satisfies(dana -> assertThat(dana.emailProperty().get()).isEqualTo("dana.whitfield@example.com"));
    }

    @Test
    void resetDemoAndClosingCloseEveryWindowTheSessionOpened() throws Exception {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        ConsoleViewModel console = console(executor);
        console.start();
        session().insight().openActivity();
        session().openWorkflows();
        session().mail().openDemoInbox();

        console.resetDemo();

        assertThat(session()).as("a new session").isNotNull();
        assertThat(windows.closedAll).as("contact windows").isEqualTo(1);
        assertThat(mailWindows.closedAll).as("Inbox (demo) and Email settings").isEqualTo(1);
        assertThat(workflowWindows.closedAll).as("Workflows, its editor and Run workflow").isEqualTo(1);
        assertThat(insightWindows.closedAll).as("Diagnose, Activity and Import").isEqualTo(1);

        console.close();

        assertThat(windows.closedAll).isEqualTo(2);
        assertThat(mailWindows.closedAll).isEqualTo(2);
        assertThat(workflowWindows.closedAll).isEqualTo(2);
        assertThat(insightWindows.closedAll).isEqualTo(2);
    }

    @Test
    void aCloseThatOvertakesTheStartLeavesNothingRunningOnTheClosedDatabase() throws Exception {
        int port = seedWithPortalPort();
        TestExecutor held = TestExecutor.currentThread().holdWork();
        ConsoleViewModel console = console(held);
        console.start();
        for (int i = 0; i < 10 && session() == null; i++) {
            held.runHeldWork();
        }
        Services services = opened.get(0);

        console.close(); // before the start tasks ran
        held.runHeldWorkNewestFirst(); // the close task overtakes them

        assertThat(services.emails().backgroundDeliveryRunning()).isFalse();
        assertThat(services.workflows().isRunning()).isFalse();
        assertThatThrownBy(() -> status("http://localhost:" + port + "/")).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> services.contacts().count()).as("the database is closed").isNotNull();
    }

    @Test
    void closingTwiceStopsOnce() throws Exception {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        ConsoleViewModel console = console(executor);
        console.start();
        ConsoleSession session = session();
        int before = executor.submitted();

        session.close();
        session.close();

        assertThat(executor.submitted() - before).as("one close task").isEqualTo(1);
        assertThat(windows.closedAll).isEqualTo(1);
    }

    @Test
    void aGrantWhileTheConsoleIsOpenQueuesTheWelcomeEmailByItselfAndClosingStopsTheEngine() throws Exception {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            seeded.contacts().add("new.member@example.com", "New Member", List.of(), Actor.agent("Sam"));
        }
        ConsoleViewModel console = console(executor);

        console.start();

        Services services = opened.get(0);
        ConsoleSession session = session();
        assertThat(services.workflows().isRunning()).isTrue();
        assertThat(session.workflowsReadyProperty().get()).isTrue();
        services.offers().grant("new.member@example.com", DemoData.MEMBERSHIP, null, Actor.agent("Sam"));

        // nobody calls runDue: the console's engine thread picks the grant up
        Await.until(Duration.ofSeconds(20), () -> !services.emails().list("new.member@example.com").isEmpty(),
                "the workflow engine to queue the welcome");
        EmailView welcome = services.emails().list("new.member@example.com").get(0);
        assertThat(welcome.origin().code()).isEqualTo("workflow");
        assertThat(welcome.originDetail()).isEqualTo("Welcome new members");
        assertThat(welcome.offer()).isEqualTo(DemoData.MEMBERSHIP);
        assertThat(dialogs.errors()).isEmpty();

        console.close();
        assertThat(services.workflows().isRunning()).isFalse();
        assertThat(session.workflowsReadyProperty().get()).isFalse();
    }

    @Test
    void aSavedNewContactOpensInItsOwnWindowWithItsActions() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        ConsoleViewModel console = console(TestExecutor.currentThread().holdTimers());
        console.start();
        String countBefore = console.status().contactCountProperty().get();

        session().newContact();

        ContactFormViewModel form = windows.forms.get(0);
        assertThat(windows.dialogOwners).containsExactly((java.util.UUID) null);
        assertThat(form.editing()).isFalse();
        form.nameProperty().set("Robin Ahmed");
        form.emailProperty().set("dana.whitfield@example.com");
        form.save();
        assertThat(form.errorProperty().get()).contains("already exists");
        assertThat(windows.shown).isEmpty();

        form.emailProperty().set("robin.ahmed@example.com");
        form.tagsProperty().set("trial");
        form.save();

        assertThat(form.doneProperty().get()).isTrue();
        assertThat(windows.shown).singleElement().satisfies(contact -> {
            assertThat(contact.emailProperty().get()).isEqualTo("robin.ahmed@example.com");
            assertThat(contact.tags()).containsExactly("trial");
            assertThat(contact.actions()).isNotNull();
            assertThat(contact.offers()).isEmpty();
        });
        assertThat(console.status().notificationProperty().get())
                .isEqualTo("Added Robin Ahmed (robin.ahmed@example.com).");
        assertThat(console.status().contactCountProperty().get()).isNotEqualTo(countBefore);
    }

    @Test
    void nothingOpensBeforeTheDatabaseIsOpen() {
        ConsoleViewModel console = console(TestExecutor.currentThread().holdWork());
        console.start();

        assertThat(console.sessionProperty().get()).as("no File → New contact without a session").isNull();
        assertThat(windows.forms).isEmpty();
    }

    @Test
    void aNonAsciiLocalPartIsRefusedAndAnInternationalDomainShowsInUnicode() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        ConsoleViewModel console = console(TestExecutor.currentThread().holdTimers());
        console.start();

        session().newContact();
        ContactFormViewModel form = windows.forms.get(0);
        form.nameProperty().set("Anna Book");
        form.emailProperty().set("ä@example.org");
        form.save();

        assertThat(form.emailError().get()).contains("the part before the @").doesNotContain("\n");
        assertThat(form.errorProperty().get()).isEqualTo("Not saved: correct the marked fields first.");
        assertThat(windows.shown).isEmpty();

        form.emailProperty().set("Anna@BÜCHER.example");
        form.save();

        assertThat(windows.shown).singleElement()
                .satisfies(contact -> assertThat(contact.emailProperty().get()).isEqualTo("anna@bücher.example"));
        assertThat(console.status().notificationProperty().get()).isEqualTo("Added Anna Book (anna@bücher.example).");
    }
}
