package org.memberdesk.ui.viewmodel.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingClipboard;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingLinkOpener;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.RecordingContactWindows;
import org.memberdesk.ui.viewmodel.RecordingMailWindows;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel.Phase;
import org.memberdesk.ui.viewmodel.mail.MailViewModel;

class ConsoleViewModelTest {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    final RecordingContactWindows windows = new RecordingContactWindows();
    final RecordingMailWindows mailWindows = new RecordingMailWindows();
    ConsoleViewModel console;

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    private ConsoleViewModel console(RecordingDialogService dialogs) {
        console = new ConsoleViewModel(new DataDirectory(dir), () -> TestServices.open(dir, clock), executor, dialogs,
                windows, mail(dialogs), messages);
        return console;
    }

    private MailViewModel mail(DialogService dialogs) {
        return new MailViewModel(executor, dialogs, mailWindows, new RecordingClipboard(), new RecordingLinkOpener(),
                messages);
    }

    @Test
    void anEmptyDataDirectoryAsksForDemoDataAndLoadsItInTheBackground() {
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        ConsoleViewModel console = console(dialogs);
        assertThat(console.dataDirectoryProperty().get()).isEqualTo(dir.toString());

        console.start();

        assertThat(dialogs.asked()).singleElement().satisfies(asked -> {
            assertThat(asked.acceptLabel()).isEqualTo("Load demo data");
            assertThat(asked.declineLabel()).isEqualTo("Start empty");
        });
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        long contacts = console.search().results().size();
        assertThat(console.notificationProperty().get()).matches("Loaded \\d+ demo contacts\\.");
        assertThat(console.statusMessageProperty().get()).isEqualTo(console.notificationProperty().get());
        assertThat(console.contactCountProperty().get()).matches("\\d+ contacts");
        assertThat(console.demoDataProperty().get()).isTrue();
        assertThat(contacts).isGreaterThan(40);
        assertThat(dialogs.errors()).isEmpty();

        console.dismissNotification();
        assertThat(console.notificationProperty().get()).isEmpty();
    }

    @Test
    void startingEmptyLoadsNothing() {
        RecordingDialogService dialogs = RecordingDialogService.declining();
        ConsoleViewModel console = console(dialogs);

        console.start();

        assertThat(dialogs.asked()).hasSize(1);
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(console.contactCountProperty().get()).isEqualTo("No contacts");
        assertThat(console.search().results()).isEmpty();
        assertThat(console.search().emptyTextProperty().get()).isEqualTo("No contacts yet.");
        assertThat(console.demoDataProperty().get()).isFalse();
    }

    @Test
    void aDataDirectoryWithContactsOpensWithoutAsking() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        ConsoleViewModel console = console(dialogs);

        console.start();

        assertThat(dialogs.asked()).isEmpty();
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(console.statusMessageProperty().get()).isEqualTo("Ready");
        assertThat(console.search().results()).hasSizeGreaterThan(40);
    }

    @Test
    void showsOpeningDatabaseUntilTheBackgroundOpenFinishes() {
        executor.holdWork();
        ConsoleViewModel console = console(RecordingDialogService.declining());

        console.start();

        assertThat(console.phaseProperty().get()).isEqualTo(Phase.OPENING);
        assertThat(console.progressTextProperty().get()).isEqualTo("Opening database\u2026");
        executor.runHeldWork(); // looks for a first page to show: none in a new directory
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.OPENING);
        executor.runHeldWork(); // opens the database
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(console.progressTextProperty().get()).isEmpty();
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsReported() {
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        console = new ConsoleViewModel(new DataDirectory(dir), () -> {
            throw new IllegalStateException("disk on fire");
        }, executor, dialogs, windows, mail(dialogs), messages);

        console.start();

        assertThat(console.phaseProperty().get()).isEqualTo(Phase.FAILED);
        assertThat(console.progressTextProperty().get()).contains("could not be opened").contains("disk on fire");
        assertThat(dialogs.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("disk on fire"));
    }

    @Test
    void enterOpensTheSelectedContactInItsOwnWindow() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        ConsoleViewModel console = console(RecordingDialogService.accepting());
        console.start();
        console.search().queryProperty().set("dana");

        console.openSelected();

        assertThat(windows.shown).singleElement().satisfies(model -> {
            assertThat(model.nameProperty().get()).isEqualTo("Dana Whitfield");
            assertThat(model.emailProperty().get()).isEqualTo("dana.whitfield@example.com");
            assertThat(model.loadingProperty().get()).isFalse();
        });
        assertThat(windows.ids).containsExactly(console.search().selected().orElseThrow().id());
    }

    @Test
    void enterRightAfterTypingOpensTheNewMatchNotTheOldSelection() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        executor.holdTimers();
        ConsoleViewModel console = console(RecordingDialogService.accepting());
        console.start();
        assertThat(console.search().selected()).map(ContactRow::name).contains("Aisha Rahman");

        console.search().queryProperty().set("dana");
        console.openSelected();
        assertThat(windows.shown).isEmpty();
        executor.elapseTimers();

        assertThat(windows.shown).singleElement()
                .satisfies(model -> assertThat(model.nameProperty().get()).isEqualTo("Dana Whitfield"));
    }

    @Test
    void theMailSideStartsOnceTheDatabaseIsOpen() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        RecordingDialogService dialogs = RecordingDialogService.accepting();
        ConsoleViewModel console = console(dialogs);
        MailViewModel mail = console.mail();
        assertThat(mail.connectedProperty().get()).isFalse();

        console.start();

        assertThat(mail.connectedProperty().get()).isTrue();
        assertThat(mail.demoModeProperty().get()).as("no SMTP configured").isTrue();
        assertThat(mail.warnings()).isEmpty();
        assertThat(mail.outbox().textProperty().get()).isEqualTo("Outbox: 1 retrying \u00b7 4 failed");
        mail.openDemoInbox();
        mail.openSmtpSettings();
        assertThat(mailWindows.inboxes).hasSize(1);
        assertThat(mailWindows.settings).hasSize(1);
        assertThat(dialogs.errors()).isEmpty();

        console.close();
        assertThat(mail.connectedProperty().get()).isFalse();
    }
    @Test
    void theFirstPageShowsBeforeTheDatabaseOpensAndEnterWaitsForIt() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        executor.holdTimers();
        ConsoleViewModel console = console(RecordingDialogService.accepting());
        console.awaitFirstFrame();
        console.start();

        assertThat(console.previewProperty().get()).isTrue();
        assertThat(console.phaseProperty().get()).isEqualTo(Phase.OPENING);
        assertThat(console.search().results()).isNotEmpty();
        assertThat(console.search().selected()).map(ContactRow::name).contains("Aisha Rahman");
        console.search().queryProperty().set("dana");
        console.openSelected();
        assertThat(windows.shown).isEmpty();

        console.previewShown();

        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(console.previewProperty().get()).isFalse();
        executor.elapseTimers();
        assertThat(windows.shown).singleElement()
                .satisfies(model -> assertThat(model.nameProperty().get()).isEqualTo("Dana Whitfield"));
    }

    @Test
    void aFirstPageArrivingAfterTheAgentTypedDoesNotHoldUpTheDatabase() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        executor.holdTimers().holdWork();
        ConsoleViewModel console = console(RecordingDialogService.accepting());
        console.awaitFirstFrame();
        console.start();
        console.search().queryProperty().set("dana");

        executor.runHeldWork(); // the first page: not shown over what was typed
        assertThat(console.previewProperty().get()).isFalse();
        executor.runHeldWork(); // so the database opens at once, not after the wait for a frame

        assertThat(console.phaseProperty().get()).isEqualTo(Phase.READY);
    }
}
