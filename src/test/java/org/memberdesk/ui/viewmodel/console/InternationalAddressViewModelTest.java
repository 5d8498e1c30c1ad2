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

/** File → New contact with addresses beyond ASCII: refused in one line, or shown with the domain in Unicode. */
class InternationalAddressViewModelTest {

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

    @Test
    void aNonAsciiLocalPartIsRefusedAndAnInternationalDomainShowsInUnicode() {
        try (Services seeded = DemoDirectory.seeded(dir, clock)) {
            assertThat(seeded.contacts().count()).isPositive();
        }
        MailViewModel mail = new MailViewModel(executor, dialogs, new RecordingMailWindows(), new RecordingClipboard(),
                new RecordingLinkOpener(), messages);
        console = new ConsoleViewModel(new DataDirectory(dir), () -> TestServices.open(dir, clock), executor, dialogs,
                windows, mail, messages);
        console.start();

        console.newContact();
        ContactFormViewModel form = windows.forms.get(0);
        form.nameProperty().set("Anna Book");
        form.emailProperty().set("ä@example.org");
        form.save();

        assertThat(form.errorProperty().get()).contains("the part before the @").doesNotContain("\n");
        assertThat(windows.shown).isEmpty();

        form.emailProperty().set("Anna@BÜCHER.example");
        form.save();

        assertThat(windows.shown).singleElement()
                .satisfies(contact -> assertThat(contact.emailProperty().get()).isEqualTo("anna@bücher.example"));
        assertThat(console.notificationProperty().get()).isEqualTo("Added Anna Book (anna@bücher.example).");
    }
}
