package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.email.SmtpSettingsForm;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.view.mail.SmtpSettingsView;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.mail.SmtpSettingsViewModel;
import org.testfx.api.FxToolkit;

/** The Email settings dialog after another desk saved the settings: the refusal, then Reload. */
class SmtpSettingsReloadViewTest extends ServicesViewCase {

    final TestClock clock = TestClock.at(TestServices.START);
    Services otherDesk;
    Stage stage;

    @AfterEach
    void closeOtherDesk() throws Exception {
        if (otherDesk != null) {
            otherDesk.close();
        }
    }

    @Test
    void saveOverAnotherDesksSettingsOffersReloadWhichShowsTheirs() throws Exception {
        services = TestServices.open(dir, clock, Map.of());
        otherDesk = TestServices.open(dir, clock, Map.of());
        FxToolkit.registerPrimaryStage();
        Messages messages = Messages.load();
        // The calls run on the FX thread here: a test's shortcut, which the console never takes.
        SmtpSettingsViewModel model = new SmtpSettingsViewModel(services.mailSettings(), TestExecutor.currentThread(),
                RecordingDialogService.accepting(), messages, new DisplayTime(ZoneOffset.UTC, messages.locale()),
                Actor.agent("Sam (support)"), () -> { });
        robot.interact(() -> {
            SmtpSettingsView view = new SmtpSettingsView(model, messages);
            stage = new Stage();
            stage.setScene(new Scene(view.root(), 640, 720));
            stage.show();
            model.load();
        });
        TextField host = robot.lookup("#hostField").queryAs(TextField.class);
        Hyperlink reload = robot.lookup("#reloadLink").queryAs(Hyperlink.class);
        assertThat(reload.isVisible()).isFalse();
        robot.interact(() -> {
            host.setText("smtp.example.net");
            robot.lookup("#portField").queryAs(TextField.class).setText("587");
            robot.lookup("#fromField").queryAs(TextField.class).setText("support@example.net");
        });
        otherDesk.mailSettings().save(new SmtpSettingsForm("mail.example.org", 587, "starttls", null, null, null),
                Actor.agent("Bob (billing)"));

        robot.clickOn("#saveButton");

        Label outcome = robot.lookup("#outcomeLabel").queryAs(Label.class);
        WAIT.until(() -> outcome.getText().contains("The email settings were changed by Bob (billing)"));
        WAIT.until(reload::isVisible);
        assertThat(host.getText()).isEqualTo("smtp.example.net");

        robot.clickOn(reload);

        WAIT.until(() -> "mail.example.org".equals(host.getText()));
        WAIT.until(() -> !reload.isVisible());
    }
}
