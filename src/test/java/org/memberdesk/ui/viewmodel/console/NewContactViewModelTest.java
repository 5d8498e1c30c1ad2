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
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingClipboard;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.RecordingLinkOpener;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.RecordingContactWindows;
import org.memberdesk.ui.viewmodel.RecordingMailWindows;
import org.memberdesk.ui.viewmodel.contact.ContactFormViewModel;
import org.memberdesk.ui.viewmodel.mail.MailViewModel;

/** File → New contact: the form over the main window; once saved, the new contact's window opens. */
class NewContactViewModelTest {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread().holdTimers();
    final RecordingDialogService dialogs = RecordingDialogService.accepting();
    final RecordingContactWindows windows = new RecordingContactWindows();
    ConsoleViewModel console;

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    private ConsoleViewModel started() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        MailViewModel mail = new MailViewModel(executor, dialogs, new RecordingMailWindows(), new RecordingClipboard(),
                new RecordingLinkOpener(), messages);
        console = new ConsoleViewModel(new DataDirectory(dir), () -> TestServices.open(dir, clock), executor, dialogs,
                windows, mail, messages);
        console.start();
        return console;
    }

    @Test
    void aSavedNewContactOpensInItsOwnWindowWithItsActions() {
        ConsoleViewModel console = started();
        String countBefore = console.contactCountProperty().get();

        console.newContact();

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
        assertThat(console.notificationProperty().get()).isEqualTo("Added Robin Ahmed (robin.ahmed@example.com).");
        assertThat(console.contactCountProperty().get()).isNotEqualTo(countBefore);
    }

    @Test
    void nothingOpensBeforeTheDatabaseIsOpen() {
        MailViewModel mail = new MailViewModel(executor, dialogs, new RecordingMailWindows(), new RecordingClipboard(),
                new RecordingLinkOpener(), messages);
        console = new ConsoleViewModel(new DataDirectory(dir), () -> TestServices.open(dir, clock),
                TestExecutor.currentThread().holdWork(), dialogs, windows, mail, messages);
        console.start();

        console.newContact();

        assertThat(windows.forms).isEmpty();
    }
}
