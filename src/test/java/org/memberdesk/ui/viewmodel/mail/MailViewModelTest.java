package org.memberdesk.ui.viewmodel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
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
import org.memberdesk.ui.viewmodel.contact.EmailHistoryViewModel;

/** The mail side of an open data directory: the demo banner, the settings' warnings, Inbox (demo) and Email settings. */
class MailViewModelTest {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread().holdTimers();
    final RecordingDialogService dialogs = RecordingDialogService.accepting();
    final RecordingMailWindows windows = new RecordingMailWindows();
    Services services;
    MailViewModel mail;

    @AfterEach
    void close() {
        mail.close();
        services.close();
    }

    private void connect() {
        services = TestServices.open(dir, clock, Map.of());
        mail = new MailViewModel(services.emails(), services.mailSettings(), services.demoInbox(),
                new EmailHistoryViewModel.Tools(executor, dialogs, new RecordingClipboard(), messages,
                        new DisplayTime(ZoneOffset.UTC, messages.locale()), Actor.localAgent()),
                windows, new RecordingLinkOpener());
        mail.refresh();
    }

    @Test
    void showsDemoModeWithoutSmtp() {
        connect();

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
    void opensInboxAndSettings() {
        connect();
        mail.openDemoInbox();
        mail.openSmtpSettings();

        assertThat(windows.inboxes).hasSize(1);
        assertThat(windows.settings).hasSize(1);
    }
}
