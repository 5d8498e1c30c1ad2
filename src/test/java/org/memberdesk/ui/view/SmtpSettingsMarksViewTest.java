package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
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

/** The Email settings dialog marks a wrong field where it is, with the view model's message. */
class SmtpSettingsMarksViewTest extends ServicesViewCase {

    @Test
    void aPortOutOfRangeIsMarkedOnThePortFieldAndSaveIsOff() throws Exception {
        services = TestServices.open(dir, TestClock.at(TestServices.START), Map.of());
        FxToolkit.registerPrimaryStage();
        Messages messages = Messages.load();
        SmtpSettingsViewModel model = new SmtpSettingsViewModel(services.mailSettings(), TestExecutor.currentThread(),
                RecordingDialogService.accepting(), messages, new DisplayTime(ZoneOffset.UTC, messages.locale()),
                Actor.agent("Sam (support)"), () -> { });
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new SmtpSettingsView(model, messages).root(), 640, 720));
            stage.show();
            model.load();
        });
        TextField port = robot.lookup("#portField").queryAs(TextField.class);
        TextField host = robot.lookup("#hostField").queryAs(TextField.class);
        robot.interact(() -> {
            host.setText("smtp.example.net");
            port.setText("70000");
        });

        WAIT.until(() -> FieldMarkLookup.message(robot, port).isPresent());
        assertThat(FieldMarkLookup.message(robot, port)).contains(messages.get("smtp.error.portRange"));
        assertThat(FieldMarkLookup.message(robot, host)).isEmpty();
        assertThat(robot.lookup("#saveButton").queryAs(Button.class).isDisabled()).isTrue();

        robot.interact(() -> port.setText("587"));
        WAIT.until(() -> FieldMarkLookup.message(robot, port).isEmpty());
    }
}
