package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.workflow.TriggerKind;
import org.memberdesk.service.workflow.WorkflowService;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.view.workflow.WorkflowEditorView;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.workflow.WorkflowEditorViewModel;
import org.testfx.api.FxToolkit;

/**
 * The workflow editor marks its name field and its failed-logins numbers where they are wrong, with the
 * view model's message; Save is refused.
 */
class WorkflowEditorMarksViewTest extends ServicesViewCase {

    final List<String> saved = new ArrayList<>();

    @Test
    void anEmptyNameAndATakenNameAreMarkedOnTheNameField() throws Exception {
        WorkflowEditorViewModel model = openNewWorkflow();
        robot.interact(model::addAction);
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        assertThat(FieldMarkLookup.message(robot, name)).as("a new form does not open red").isEmpty();

        robot.clickOn(robot.lookup("#saveButton").queryButton());

        WAIT.until(() -> FieldMarkLookup.message(robot, name).isPresent());
        assertThat(FieldMarkLookup.message(robot, name)).contains("Name is required.");
        assertThat(saved).isEmpty();
        assertThat(services.workflows().list()).hasSize(1);

        robot.interact(() -> name.setText(WorkflowService.DEFAULT_NAME));
        WAIT.until(() -> FieldMarkLookup.message(robot, name).isEmpty());
        robot.clickOn(robot.lookup("#saveButton").queryButton());
        WAIT.until(() -> FieldMarkLookup.message(robot, name).isPresent());
        assertThat(FieldMarkLookup.message(robot, name))
                .contains("A workflow named '" + WorkflowService.DEFAULT_NAME + "' already exists.");
        assertThat(saved).isEmpty();
    }

    @Test
    void aFailedLoginsNumberThatIsNoNumberOrOutOfRangeIsMarked() throws Exception {
        WorkflowEditorViewModel model = openNewWorkflow();
        robot.interact(() -> model.triggerProperty().set(model.choice(model.triggerChoices(),
                TriggerKind.REPEATED_FAILED_LOGINS)));
        TextField failures = robot.lookup("#failuresField").queryAs(TextField.class);
        TextField within = robot.lookup("#withinField").queryAs(TextField.class);
        assertThat(FieldMarkLookup.message(robot, failures)).as("the defaults are fine").isEmpty();

        robot.interact(() -> failures.setText("five"));
        WAIT.until(() -> FieldMarkLookup.message(robot, failures).isPresent());
        assertThat(FieldMarkLookup.message(robot, failures)).contains("Type a whole number of failures from 2 to 100.");

        robot.interact(() -> within.setText("2000"));
        WAIT.until(() -> FieldMarkLookup.message(robot, within).isPresent());
        assertThat(FieldMarkLookup.message(robot, within)).contains("Type a whole number of minutes from 1 to 1,440 (24 hours).");

        robot.interact(() -> {
            failures.setText("5");
            within.setText("15");
        });
        WAIT.until(() -> FieldMarkLookup.message(robot, failures).isEmpty() && FieldMarkLookup.message(robot, within).isEmpty());
    }

    /** The editor of a new workflow on demo data, in a window of its own. */
    private WorkflowEditorViewModel openNewWorkflow() throws Exception {
        services = DemoDirectory.seeded(dir, TestClock.at(TestServices.START));
        FxToolkit.registerPrimaryStage();
        Messages messages = Messages.load();
        AtomicReference<WorkflowEditorViewModel> model = new AtomicReference<>();
        robot.interact(() -> {
            model.set(new WorkflowEditorViewModel(services.workflows(), services.offers(),
                    TestExecutor.currentThread(), messages, Actor.agent("Sam (support)"), null, saved::add));
            Stage stage = new Stage();
            stage.setScene(new Scene(new WorkflowEditorView(model.get(), messages).root(), 1080, 700));
            stage.show();
            model.get().load();
        });
        return model.get();
    }
}
