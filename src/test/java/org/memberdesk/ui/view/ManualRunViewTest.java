package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.MemberDeskApp;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.service.workflow.ActionSpec;
import org.memberdesk.service.workflow.TriggerSpec;
import org.memberdesk.service.workflow.WorkflowDefinition;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real console on demo data: choose two contacts in the list (Shortcut+click), View →
 * Run workflow on contacts…, run a Manual workflow on them, read the summary; the list shows their new tag.
 */
class ManualRunViewTest {

    private static final FxWait WAIT = FxWait.seconds(30);

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    TestClock clock;
    MemberDeskApp app;

    @BeforeEach
    void startConsoleOnDemoData() throws Exception {
        clock = new TestClock(Instant.now(), ZoneId.systemDefault());
        try (Services services = TestServices.open(dir, clock)) {
            services.demo().seed();
            services.workflows().create(new WorkflowDefinition("Flag for review", true, TriggerSpec.manual(),
                    List.of(), List.of(ActionSpec.addTag("review"))), Actor.agent("Sam"));
        }
        FxToolkit.registerPrimaryStage();
        app = (MemberDeskApp) FxToolkit.setupApplication(() -> new MemberDeskApp(new DataDirectory(dir), clock));
    }

    @AfterEach
    void stopConsole() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void runsAManualWorkflowOnTheContactsChosenInTheList() throws Exception {
        TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
        WAIT.until(() -> contacts.getItems().size() > 40);
        ConsoleStarted.waitForDatabase(robot);

        List<Node> rows = robot.from(contacts).lookup(".table-row-cell").queryAll().stream()
                .filter(Node::isVisible).limit(2).toList();
        robot.clickOn(rows.get(0));
        robot.press(KeyCode.SHORTCUT).clickOn(rows.get(1)).release(KeyCode.SHORTCUT);
        WAIT.until(() -> contacts.getSelectionModel().getSelectedItems().size() == 2);
        assertThat(contacts.getContextMenu().getItems()).extracting(item -> item.getText())
                .containsExactly("Run workflow\u2026", "Send login email\u2026");
        robot.clickOn("View").clickOn("Run workflow on contacts\u2026");

        Stage runWindow = WAIT.present(() -> window("Run workflow"));
        Node root = runWindow.getScene().getRoot();
        RadioButton chosen = robot.from(root).lookup("#chosenRadio").queryAs(RadioButton.class);
        assertThat(chosen.getText()).isEqualTo("The 2 selected contacts");
        assertThat(chosen.isSelected()).isTrue();
        WAIT.until(() -> "Flag for review".equals(
                robot.from(root).lookup("#workflowBox").queryComboBox().getValue()));

        robot.clickOn(robot.from(root).lookup("#runButton").queryButton());

        Label summary = robot.from(root).lookup("#summaryLabel").queryAs(Label.class);
        WAIT.until(() -> summary.getText() != null && !summary.getText().isEmpty());
        assertThat(summary.getText()).isEqualTo("Ran \u201cFlag for review\u201d on 2 contacts: 2 done, "
                + "0 stopped by a filter, 0 failed, 0 waiting.");
        WAIT.until(() -> contacts.getItems().stream().filter(row -> String.valueOf(row).contains("review")).count() == 2);
    }

    private static Optional<Stage> window(String title) {
        return Window.getWindows().stream()
                .filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> stage.isShowing() && title.equals(stage.getTitle()))
                .findFirst();
    }
}
