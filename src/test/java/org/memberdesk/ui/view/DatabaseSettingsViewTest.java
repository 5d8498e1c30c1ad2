package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.service.storage.DatabaseSettingsService;
import org.memberdesk.service.storage.SavedDatabase;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.view.console.DatabaseSettingsView;
import org.memberdesk.ui.viewmodel.console.DatabaseSettingsViewModel;
import org.testfx.api.FxToolkit;

/** Settings → Database: a URL carrying a password is marked and not saved; Test connection shows the error. */
class DatabaseSettingsViewTest extends ServicesViewCase {

    @Test
    void enterSavesARefusedUrlNowhereAndMarksItThenTestConnectionShowsTheServersError() throws Exception {
        FxToolkit.registerPrimaryStage();
        Messages messages = Messages.load();
        DatabaseSettingsViewModel model = new DatabaseSettingsViewModel(
                new DatabaseSettingsService(new DataDirectory(dir), Map.of()), TestExecutor.currentThread(), messages);
        Stage[] shown = new Stage[1];
        robot.interact(() -> {
            shown[0] = new Stage();
            shown[0].setScene(new Scene(new DatabaseSettingsView(model, messages).root(), 640, 560));
            shown[0].show();
            model.load();
        });
        TextField url = robot.lookup("#urlField").queryAs(TextField.class);
        Button test = robot.lookup("#testButton").queryAs(Button.class);
        assertThat(url.isDisabled()).as("the desk's own database needs no URL").isTrue();
        assertThat(test.isDisabled()).isTrue();

        robot.clickOn(robot.lookup("#sharedChoice").queryAs(RadioButton.class));
        WAIT.until(() -> !url.isDisabled());
        robot.interact(() -> {
            url.setText("postgresql://desk:s3cret@db.example.com/memberdesk");
            url.requestFocus();
        });
        robot.type(KeyCode.ENTER);

        WAIT.until(() -> FieldMarkLookup.message(robot, url).isPresent());
        assertThat(FieldMarkLookup.message(robot, url).orElseThrow()).contains("carries a password")
                .doesNotContain("s3cret");
        assertThat(robot.lookup("#outcomeLabel").queryAs(Label.class).getText()).startsWith("Not saved:");
        assertThat(new SavedDatabase(new DataDirectory(dir)).url()).isEmpty();

        robot.interact(() -> url.setText("postgresql://memberdesk@localhost:1/memberdesk"));
        WAIT.until(() -> FieldMarkLookup.message(robot, url).isEmpty());
        robot.clickOn(test);

        Label outcome = robot.lookup("#testOutcomeLabel").queryAs(Label.class);
        WAIT.until(() -> outcome.isVisible() && !outcome.getText().isEmpty());
        assertThat(outcome.getText()).startsWith("Not connected: the PostgreSQL server localhost:1/memberdesk cannot be"
                + " reached");
        assertThat(outcome.getStyleClass()).contains("tone-bad");
        WAIT.until(() -> FieldMarkLookup.message(robot, url).isPresent());
        assertThat(FieldMarkLookup.message(robot, url).orElseThrow()).contains("cannot be reached");

        robot.type(KeyCode.ESCAPE);
        WAIT.until(() -> !shown[0].isShowing());
    }
}
