package org.memberdesk.ui.viewmodel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.Tone;
import org.memberdesk.ui.viewmodel.mail.SmtpSettingsViewModel.Field;

/** The Email settings form over the real settings service, with a real GreenMail as the SMTP server. */
class SmtpSettingsViewModelTest {

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread();
    RecordingDialogService dialogs = RecordingDialogService.accepting();
    GreenMail smtp;
    Services services;
    int changes;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        if (services != null) {
            services.close();
        }
        smtp.stop();
    }

    private static final DisplayTime TIME = new DisplayTime(java.time.ZoneOffset.UTC, java.util.Locale.UK);

    private SmtpSettingsViewModel form(Map<String, String> env) {
        services = TestServices.open(dir, clock, env);
        SmtpSettingsViewModel form = new SmtpSettingsViewModel(services.mailSettings(), executor, dialogs, messages, TIME,
                Actor.agent("Sam (support)"), () -> changes++);
        form.load();
        return form;
    }

    private void fillGreenMail(SmtpSettingsViewModel form) {
        form.hostProperty().set("127.0.0.1");
        form.securityProperty().set(form.securityChoices().get(0));
        form.portProperty().set(String.valueOf(smtp.getSmtp().getPort()));
        form.fromProperty().set("Support <support@example.com>");
    }

    @Test
    void inDemoModeAnEmptyFormIsFineAndNotDirty() {
        SmtpSettingsViewModel form = form(Map.of());

        assertThat(form.modeTextProperty().get()).startsWith("Demo mode: no SMTP server is configured");
        assertThat(form.hostError().get()).isEmpty();
        assertThat(form.valid().get()).isTrue();
        assertThat(form.dirtyProperty().get()).isFalse();
        assertThat(form.canSave().get()).as("nothing changed").isFalse();
        assertThat(form.securityProperty().get().label()).isEqualTo("STARTTLS");
        assertThat(form.portPrompt().get()).isEqualTo("usually 587");
        assertThat(form.passwordPrompt().get()).isEqualTo("No password stored");
        assertThat(form.portalUrlNoteProperty().get())
                .isEqualTo("In use: http://localhost:7321, which works only on this computer. Enter the public "
                        + "address before sending real email.");
        assertThat(form.environmentNoteProperty().get()).isEmpty();
        assertThat(form.warnings()).isEmpty();
    }

    @Test
    void theFormChecksHostPortFromAndPortalUrl() {
        SmtpSettingsViewModel form = form(Map.of());

        form.userProperty().set("support@example.com");
        assertThat(form.hostError().get()).startsWith("Enter the SMTP server\u2019s host name.");
        assertThat(form.canSave().get()).isFalse();
        form.hostProperty().set("smtp example.com");
        assertThat(form.hostError().get()).isEqualTo("This is not a host name or address.");
        form.hostProperty().set("smtp.example.com");
        assertThat(form.hostError().get()).isEmpty();

        for (String bad : new String[] {"0", "65536", "-1", "abc", "25.5"}) {
            form.portProperty().set(bad);
            assertThat(form.portError().get()).as(bad).startsWith("The port is a number from 1 to 65535");
            assertThat(form.canSave().get()).isFalse();
        }
        for (String good : new String[] {"1", "587", "65535", " 2525 ", ""}) {
            form.portProperty().set(good);
            assertThat(form.portError().get()).as(good).isEmpty();
        }

        form.fromProperty().set("support at example.com");
        assertThat(form.fromError().get()).startsWith("Enter an email address");
        form.fromProperty().set("Support <support@example>");
        assertThat(form.fromError().get()).isNotEmpty();
        form.fromProperty().set("Support Team <support@example.com>");
        assertThat(form.fromError().get()).isEmpty();
        form.fromProperty().set("support@example.com");
        assertThat(form.fromError().get()).isEmpty();

        form.portalUrlProperty().set("members.example.com");
        assertThat(form.portalUrlError().get()).startsWith("Enter an http:// or https:// address");
        form.portalUrlProperty().set("https://members.example.com/?a=1");
        assertThat(form.portalUrlError().get()).isNotEmpty();
        form.portalUrlProperty().set("https://members.example.com");
        assertThat(form.portalUrlError().get()).isEmpty();

        assertThat(form.valid().get()).isTrue();
        assertThat(form.canSave().get()).isTrue();
    }

    @Test
    void changingTheSecurityMovesTheUsualPortAlong() {
        SmtpSettingsViewModel form = form(Map.of());
        form.portProperty().set("587");

        form.securityProperty().set(form.securityChoices().get(2));

        assertThat(form.securityProperty().get().security().code()).isEqualTo("ssl");
        assertThat(form.portProperty().get()).isEqualTo("465");
        assertThat(form.portPrompt().get()).isEqualTo("usually 465");
        form.portProperty().set("2525");
        form.securityProperty().set(form.securityChoices().get(1));
        assertThat(form.portProperty().get()).as("a port of one's own stays").isEqualTo("2525");
    }

    @Test
    void saveStoresTheServerKeepsAnEmptyPasswordAndWarnsAboutALocalPortalUrl() {
        SmtpSettingsViewModel form = form(Map.of());
        fillGreenMail(form);
        form.userProperty().set("support");
        form.passwordProperty().set("correct horse battery");

        form.save();

        assertThat(form.outcomeProperty().get())
                .isEqualTo("Saved. Email goes to 127.0.0.1:" + smtp.getSmtp().getPort() + " (None (plain, local relay only)).");
        assertThat(form.outcomeToneProperty().get()).isEqualTo(Tone.GOOD);
        assertThat(changes).isEqualTo(1);
        assertThat(services.mailSettings().demoMode()).isFalse();
        assertThat(services.mailSettings().view().user()).isEqualTo("support");
        assertThat(form.passwordProperty().get()).as("never shown again").isEmpty();
        assertThat(form.passwordStoredProperty().get()).isTrue();
        assertThat(form.passwordPrompt().get()).isEqualTo("Leave empty to keep the stored password");
        assertThat(form.dirtyProperty().get()).isFalse();
        assertThat(form.warnings()).singleElement().asString().contains("http://localhost:7321", "will not work");

        form.fromProperty().set("Help <help@example.com>");
        form.save();
        assertThat(services.mailSettings().view().from()).isEqualTo("Help <help@example.com>");
        assertThat(services.mailSettings().view().passwordSet()).as("empty keeps the stored one").isTrue();

        form.removePasswordProperty().set(true);
        assertThat(form.dirtyProperty().get()).isTrue();
        form.save();
        assertThat(services.mailSettings().view().passwordSet()).isFalse();
        assertThat(form.removePasswordProperty().get()).isFalse();

        form.portalUrlProperty().set("https://members.example.com/");
        form.save();
        assertThat(services.mailSettings().view().portalUrl()).isEqualTo("https://members.example.com");
        assertThat(form.warnings()).isEmpty();
        assertThat(form.portalUrlNoteProperty().get()).isEqualTo("In use: https://members.example.com.");
        assertThat(changes).isEqualTo(4);
    }

    @Test
    void inDemoModeOnlyThePortalUrlIsSaved() {
        SmtpSettingsViewModel form = form(Map.of());
        form.portalUrlProperty().set("https://members.example.com");

        form.save();

        assertThat(services.mailSettings().demoMode()).isTrue();
        assertThat(services.mailSettings().view().portalUrl()).isEqualTo("https://members.example.com");
        assertThat(form.outcomeProperty().get()).startsWith("Saved. No SMTP server is configured");
    }

    @Test
    void theTestEmailShowsTheServersReplyEitherWay() throws IOException {
        SmtpSettingsViewModel form = form(Map.of());
        fillGreenMail(form);
        form.testRecipientProperty().set("sam@example.com");
        assertThat(form.canSendTest().get()).as("unsaved changes: the test would use the old settings").isFalse();
        form.save();
        assertThat(form.canSendTest().get()).isTrue();

        form.sendTestEmail();

        assertThat(form.testOutcomeProperty().get()).isEqualTo("Sent: the server accepted the test email for sam@example.com.");
        assertThat(form.testToneProperty().get()).isEqualTo(Tone.GOOD);
        assertThat(form.testReplyProperty().get()).startsWith("250");
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        form.portProperty().set(String.valueOf(closedPort));
        form.save();
        form.sendTestEmail();

        assertThat(form.testOutcomeProperty().get()).isEqualTo("Not sent. The mail server\u2019s own reply (or why no connection was made):");
        assertThat(form.testToneProperty().get()).isEqualTo(Tone.BAD);
        assertThat(form.testReplyProperty().get()).isNotBlank();
        assertThat(form.busyProperty().get()).isFalse();
    }

    @Test
    void inDemoModeTheTestEmailGoesToTheDemoInbox() {
        SmtpSettingsViewModel form = form(Map.of());
        form.testRecipientProperty().set("not an address");
        assertThat(form.testRecipientError().get()).isEqualTo("This is not an email address.");
        assertThat(form.canSendTest().get()).isFalse();
        form.testRecipientProperty().set("sam@example.com");

        form.sendTestEmail();

        assertThat(form.testOutcomeProperty().get()).startsWith("Sent to the demo inbox for sam@example.com");
        assertThat(services.demoInbox().list()).hasSize(1);
    }

    @Test
    void fieldsFromTheEnvironmentAreReadOnlyAndNamed() {
        SmtpSettingsViewModel form = form(Map.of(
                "MEMBERDESK_SMTP_HOST", "127.0.0.1",
                "MEMBERDESK_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "MEMBERDESK_SMTP_PASSWORD", "from-a-vault"));

        assertThat(form.fromEnvironmentProperty(Field.HOST).get()).isTrue();
        assertThat(form.fromEnvironmentProperty(Field.PORT).get()).isTrue();
        assertThat(form.fromEnvironmentProperty(Field.PASSWORD).get()).isTrue();
        assertThat(form.fromEnvironmentProperty(Field.USER).get()).isFalse();
        assertThat(form.fromEnvironmentProperty(Field.PORTAL_URL).get()).isFalse();
        assertThat(form.hostProperty().get()).isEqualTo("127.0.0.1");
        assertThat(form.environmentNoteProperty().get()).isEqualTo("Read-only fields come from environment variables "
                + "(MEMBERDESK_SMTP_HOST, MEMBERDESK_SMTP_PORT, MEMBERDESK_SMTP_PASSWORD); they win over the settings "
                + "saved here.");
        assertThat(form.passwordPrompt().get()).isEqualTo("Set by MEMBERDESK_SMTP_PASSWORD");
        assertThat(form.modeTextProperty().get()).startsWith("Email goes to 127.0.0.1:");
    }

    @Test
    void removingTheSettingsAsksFirstAndGoesBackToDemoMode() {
        SmtpSettingsViewModel form = form(Map.of());
        fillGreenMail(form);
        form.save();
        assertThat(form.smtpStoredProperty().get()).isTrue();

        dialogs = RecordingDialogService.declining();
        SmtpSettingsViewModel declined = new SmtpSettingsViewModel(services.mailSettings(), executor, dialogs,
                messages, TIME, Actor.agent("Sam (support)"), () -> changes++);
        declined.load();
        declined.removeSmtpSettings();
        assertThat(dialogs.asked()).singleElement()
                .satisfies(asked -> assertThat(asked.question()).isEqualTo("Remove the stored SMTP settings?"));
        assertThat(services.mailSettings().demoMode()).isFalse();

        form.removeSmtpSettings();
        assertThat(services.mailSettings().demoMode()).isTrue();
        assertThat(form.outcomeProperty().get()).isEqualTo("Removed. Email goes to the demo inbox again.");
        assertThat(form.hostProperty().get()).isEmpty();
        assertThat(form.smtpStoredProperty().get()).isFalse();
    }

    @Test
    void showsThatItIsBusyWhileTheCallRuns() {
        SmtpSettingsViewModel form = form(Map.of());
        executor.holdWork();
        fillGreenMail(form);

        form.save();

        assertThat(form.busyProperty().get()).isTrue();
        assertThat(form.busyTextProperty().get()).isEqualTo("Saving\u2026");
        assertThat(form.canSave().get()).isFalse();
        executor.runHeldWork();
        assertThat(form.busyProperty().get()).isFalse();
        assertThat(form.busyTextProperty().get()).isEmpty();
    }
}
