package org.memberdesk.ui.viewmodel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.email.MailSettingsView;
import org.memberdesk.service.email.SmtpSettingsForm;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Tone;

/** The Email settings form while a second desk saves the settings on the same data directory. */
class SmtpSettingsChangedMeanwhileTest {

    static final Actor SAM = Actor.agent("Sam (support)");
    static final Actor BOB = Actor.agent("Bob (billing)");

    @TempDir
    Path dir;
    final TestClock clock = TestClock.at(TestServices.START);
    final Messages messages = Messages.load();
    final DisplayTime time = new DisplayTime(ZoneOffset.UTC, messages.locale());
    final TestExecutor executor = TestExecutor.currentThread();
    Services services;
    Services otherDesk;
    int changes;

    @BeforeEach
    void openTwoDesks() {
        services = TestServices.open(dir, clock, Map.of());
        otherDesk = TestServices.open(dir, clock, Map.of());
        clock.advance(Duration.ofMinutes(10));
    }

    @AfterEach
    void close() {
        otherDesk.close();
        services.close();
    }

    @Test
    void aSaveOverBobsSettingsKeepsWhatWasTypedNamesBobAndReloadLetsTheNextSaveThrough() {
        SmtpSettingsViewModel form = new SmtpSettingsViewModel(services.mailSettings(), executor,
                RecordingDialogService.accepting(), messages, time, SAM, () -> changes++);
        form.load();
        form.hostProperty().set("smtp.example.net");
        form.securityProperty().set(form.securityChoices().get(2));
        form.portProperty().set("465");
        form.fromProperty().set("Support <support@example.net>");
        form.userProperty().set("support@example.net");
        form.passwordProperty().set("app password 1");
        form.portalUrlProperty().set("https://members.example.net");

        clock.advance(Duration.ofMinutes(3));
        Instant bobsSave = clock.instant();
        MailSettingsView bobs = otherDesk.mailSettings().save(new SmtpSettingsForm("mail.example.org", 587,
                "starttls", "Billing <billing@example.org>", null, null), BOB);
        clock.advance(Duration.ofMinutes(2));

        form.save();

        assertThat(form.changedMeanwhileProperty().get()).isTrue();
        assertThat(form.outcomeToneProperty().get()).isEqualTo(Tone.BAD);
        assertThat(form.outcomeProperty().get()).contains("Bob (billing)").contains(time.format(bobsSave));
        assertThat(form.hostProperty().get()).isEqualTo("smtp.example.net");
        assertThat(form.securityProperty().get().security().code()).isEqualTo("ssl");
        assertThat(form.portProperty().get()).isEqualTo("465");
        assertThat(form.fromProperty().get()).isEqualTo("Support <support@example.net>");
        assertThat(form.userProperty().get()).isEqualTo("support@example.net");
        assertThat(form.passwordProperty().get()).isEqualTo("app password 1");
        assertThat(form.portalUrlProperty().get()).isEqualTo("https://members.example.net");
        assertThat(changes).isZero();
        MailSettingsView stored = services.mailSettings().view();
        assertThat(stored.host()).as("Bob's settings stand").isEqualTo("mail.example.org");
        assertThat(stored.portalUrl()).as("nor was the portal URL saved").isNotEqualTo("https://members.example.net");

        form.reload();

        assertThat(form.changedMeanwhileProperty().get()).isFalse();
        assertThat(form.hostProperty().get()).isEqualTo("mail.example.org");
        assertThat(form.portProperty().get()).isEqualTo("587");
        assertThat(form.fromProperty().get()).isEqualTo("Billing <billing@example.org>");
        assertThat(form.portalUrlProperty().get()).as("none stored: the default shows as a note").isEmpty();
        assertThat(form.portalUrlNoteProperty().get()).contains(bobs.portalUrl());
        assertThat(form.dirtyProperty().get()).isFalse();
        form.userProperty().set("billing@example.org");
        form.portalUrlProperty().set("https://members.example.net");
        form.save();

        assertThat(form.changedMeanwhileProperty().get()).isFalse();
        assertThat(form.outcomeToneProperty().get()).isEqualTo(Tone.GOOD);
        assertThat(changes).isEqualTo(1);
        stored = services.mailSettings().view();
        assertThat(stored.host()).isEqualTo("mail.example.org");
        assertThat(stored.user()).isEqualTo("billing@example.org");
        assertThat(stored.portalUrl()).isEqualTo("https://members.example.net");
    }
}
