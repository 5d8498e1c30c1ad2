package org.memberdesk.ui.viewmodel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
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
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.RecordingMailWindows;

/** The mail side of the main window: background delivery, the demo banner and the settings' warnings. */
class MailViewModelTest {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread().holdTimers();
    final RecordingDialogService dialogs = RecordingDialogService.accepting();
    final RecordingMailWindows windows = new RecordingMailWindows();
    final MailViewModel mail = new MailViewModel(executor, dialogs, windows, new RecordingClipboard(),
            new RecordingLinkOpener(), messages);
    Services services;

    @AfterEach
    void close() {
        mail.close();
        services.emails().stopBackgroundDelivery();
        services.close();
    }

    private void connect() {
        services = Services.open(new DataDirectory(dir), clock, Map.of());
        mail.connect(services, new DisplayTime(ZoneOffset.UTC, messages.locale()));
    }

    @Test
    void startsBackgroundDeliveryAndShowsDemoModeWithoutSmtp() {
        connect();

        assertThat(services.emails().backgroundDeliveryRunning()).isTrue();
        assertThat(mail.connectedProperty().get()).isTrue();
        assertThat(mail.demoModeProperty().get()).isTrue();
        assertThat(mail.warnings()).isEmpty();
        assertThat(mail.outbox().textProperty().get()).isEqualTo("Outbox: nothing waiting");
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void savedSmtpSettingsEndDemoModeAndTheirWarningsShowOnTheMainWindow() {
        connect();
        mail.openSmtpSettings();
        SmtpSettingsViewModel settings = windows.settings.get(0);
        settings.load();
        settings.hostProperty().set("smtp.example.com");

        settings.save();

        assertThat(mail.demoModeProperty().get()).isFalse();
        assertThat(mail.warnings()).singleElement().asString()
                .startsWith("The portal URL is http://localhost:7321, a local address");
    }

    @Test
    void opensInboxAndSettingsOnlyOnceTheDatabaseIsOpen() {
        mail.openDemoInbox();
        mail.openSmtpSettings();
        assertThat(windows.inboxes).isEmpty();
        assertThat(windows.settings).isEmpty();

        connect();
        mail.openDemoInbox();

        assertThat(windows.inboxes).hasSize(1);
    }
}
