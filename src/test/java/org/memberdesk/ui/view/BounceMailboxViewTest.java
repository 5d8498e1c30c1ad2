package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.view.mail.SmtpSettingsView;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.mail.BounceMailboxViewModel;
import org.memberdesk.ui.viewmodel.mail.SmtpSettingsViewModel;
import org.testfx.api.FxToolkit;

/** The Email settings dialog's bounce mailbox section: typed in, saved, then Check now and Remove are offered. */
class BounceMailboxViewTest extends ServicesViewCase {

    @Test
    void theBounceMailboxIsTypedInAndSavedFromTheEmailSettingsDialog() throws Exception {
        services = TestServices.open(dir, TestClock.at(TestServices.START), Map.of());
        FxToolkit.registerPrimaryStage();
        Messages messages = Messages.load();
        Actor agent = Actor.agent("Sam (support)");
        SmtpSettingsViewModel model = new SmtpSettingsViewModel(services.mailSettings(), TestExecutor.currentThread(),
                RecordingDialogService.accepting(), messages, new DisplayTime(ZoneOffset.UTC, messages.locale()),
                agent, () -> { }, new BounceMailboxViewModel(services.mailSettings(), services.emails(),
                        TestExecutor.currentThread(), messages, agent));
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new SmtpSettingsView(model, messages).root(), 640, 720));
            stage.show();
            model.load();
        });
        assertThat(robot.lookup("#bounceSection").queryAs(VBox.class).isVisible()).isTrue();
        Button check = robot.lookup("#bounceCheckButton").queryAs(Button.class);
        Button remove = robot.lookup("#bounceRemoveButton").queryAs(Button.class);
        assertThat(check.isDisabled()).isTrue();
        assertThat(remove.isVisible()).isFalse();

        robot.interact(() -> {
            robot.lookup("#bounceHostField").queryAs(TextField.class).setText("imap.example.com");
            robot.lookup("#bounceUserField").queryAs(TextField.class).setText("bounces@example.com");
            robot.lookup("#bouncePasswordField").queryAs(TextField.class).setText("imap-secret");
            robot.lookup("#bounceSaveButton").queryAs(Button.class).fire();
        });

        WAIT.until(() -> "Bounce mailbox saved.".equals(
                robot.lookup("#bounceOutcomeLabel").queryAs(Label.class).getText()));
        assertThat(services.mailSettings().bounceMailbox().host()).isEqualTo("imap.example.com");
        assertThat(services.mailSettings().bounceMailbox().port()).isEqualTo(993);
        assertThat(robot.lookup("#bouncePortField").queryAs(TextField.class).getText()).isEqualTo("993");
        assertThat(robot.lookup("#bouncePasswordField").queryAs(TextField.class).getText()).isEmpty();
        assertThat(check.isDisabled()).isFalse();
        assertThat(remove.isVisible()).isTrue();
    }
}
