package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.view.mail.EmailTemplatesView;
import org.memberdesk.ui.viewmodel.mail.EmailTemplatesViewModel;
import org.testfx.api.FxToolkit;

/**
 * Settings → Emails: typing in the editor changes the preview on a real contact, and Save of a
 * template with an unknown variable shows the reason and stores nothing.
 */
class EmailTemplatesViewTest extends ServicesViewCase {

    final TestClock clock = TestClock.at(TestServices.START);
    final Actor agent = Actor.agent("Sam (support)");

    @Test
    void typingChangesThePreviewAndSaveOfABadTemplateShowsTheReason() throws Exception {
        services = TestServices.open(dir, clock, Map.of());
        services.contacts().add("dana@example.com", "Dana Whitfield", List.of(), agent);
        FxToolkit.registerPrimaryStage();
        Messages messages = Messages.load();
        // The calls run on the FX thread here: a test's shortcut, which the console never takes.
        EmailTemplatesViewModel model = new EmailTemplatesViewModel(services.emailTemplates(), services.offers(),
                new EmailTemplatesViewModel.Tools(TestExecutor.currentThread(), messages, agent));
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new EmailTemplatesView(model, messages).root(), 1200, 760));
            stage.show();
            model.load();
            model.kindProperty().set(model.kinds().stream().filter(k -> k.code().equals("reset-link")).findFirst()
                    .orElseThrow());
        });
        TextField subject = robot.lookup("#subjectField").queryAs(TextField.class);
        Label previewSubject = robot.lookup("#previewSubjectLabel").queryAs(Label.class);
        TextArea previewText = robot.lookup("#previewTextArea").queryAs(TextArea.class);
        Label variables = robot.lookup("#variablesLabel").queryAs(Label.class);
        WAIT.until(() -> "Reset your Client Portal password".equals(subject.getText()));
        assertThat(variables.getText()).contains("{{name}}", "{{link}}", "{{linkExpiry}}");

        robot.clickOn("#previewContactField").write("dana@example.com");
        WAIT.until(() -> previewSubject.getText().endsWith("Reset your Client Portal password"));
        assertThat(previewText.getText()).startsWith("Hi Dana Whitfield,");

        robot.clickOn(subject).type(KeyCode.END).write(", {{name}}");
        WAIT.until(() -> previewSubject.getText().endsWith("Reset your Client Portal password, Dana Whitfield"));

        robot.interact(() -> subject.setText("Hi {{nmae}}"));
        robot.clickOn("#saveButton");

        Label outcome = robot.lookup("#outcomeLabel").queryAs(Label.class);
        WAIT.until(() -> outcome.getText().contains("{{nmae}}"));
        assertThat(outcome.getText()).contains("known: name, loginEmail").contains("nothing was changed");
        assertThat(services.emailTemplates().show("reset-link", null).subject())
                .isEqualTo("Reset your Client Portal password");
    }
}
