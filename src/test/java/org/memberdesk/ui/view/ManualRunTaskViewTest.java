package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.controlsfx.control.TaskProgressView;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.view.workflow.ManualRunView;
import org.memberdesk.ui.viewmodel.DemoDirectory;
import org.memberdesk.ui.viewmodel.workflow.ManualRunViewModel;
import org.testfx.api.FxToolkit;

/** Run workflow shows the run under way in a task list, and the task leaves the list when the run is over. */
class ManualRunTaskViewTest extends ServicesViewCase {

    @Test
    void aRunUnderWayIsListedInTheTaskList() throws Exception {
        services = DemoDirectory.seeded(dir, TestClock.at(TestServices.START));
        services.workflows().create(new WorkflowDefinition("Flag for review", true, TriggerSpec.manual(),
                List.of(), List.of(ActionSpec.addTag("review"))), Actor.agent("Sam"));
        String email = WorkflowEditorViewTest.AISHA;
        FxToolkit.registerPrimaryStage();
        Messages messages = Messages.load();
        AtomicReference<TestExecutor> executor = new AtomicReference<>();
        AtomicReference<ManualRunViewModel> model = new AtomicReference<>();
        robot.interact(() -> {
            // Made on the FX thread, which then plays its UI thread: the held work runs when the test says.
            executor.set(TestExecutor.currentThread().holdWork());
            model.set(new ManualRunViewModel(services.workflows(), executor.get(), messages, Actor.agent("Sam"),
                    List.of(email), "", () -> { }));
            Stage stage = new Stage();
            stage.setScene(new Scene(new ManualRunView(model.get(), messages).root(), 560, 420));
            stage.show();
            model.get().load();
            executor.get().runHeldWork();
        });
        @SuppressWarnings("unchecked")
        TaskProgressView<Task<?>> progress = robot.lookup("#progressView").queryAs(TaskProgressView.class);
        assertThat(progress.isVisible()).as("no run, no task list").isFalse();
        WAIT.until(() -> "Flag for review".equals(model.get().workflowProperty().get()));

        robot.clickOn(robot.lookup("#runButton").queryButton());

        WAIT.until(() -> progress.isVisible() && progress.getTasks().size() == 1);
        Task<?> task = progress.getTasks().get(0);
        assertThat(task.getTitle()).isEqualTo("Run workflow");
        assertThat(task.getMessage()).isEqualTo(messages.get("manualRun.starting"));
        assertThat(robot.from(progress).lookup(".progress-bar").tryQuery()).as("the task's bar shows").isPresent();

        robot.interact(() -> executor.get().runHeldWork());
        Label summary = robot.lookup("#summaryLabel").queryAs(Label.class);
        WAIT.until(() -> summary.getText() != null && summary.getText().startsWith("Ran \u201cFlag for review\u201d on 1 contact"));
        WAIT.until(() -> progress.getTasks().isEmpty() && !progress.isVisible());
        AtomicReference<Worker.State> state = new AtomicReference<>();
        robot.interact(() -> state.set(task.getState()));
        assertThat(state.get()).isEqualTo(Worker.State.SUCCEEDED);
        assertThat(robot.lookup(".progress-bar").queryAll().stream().filter(Node::isVisible))
                .as("the hand-rolled bar is gone").isEmpty();
    }
}
