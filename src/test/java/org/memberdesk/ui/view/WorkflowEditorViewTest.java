package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.MemberDeskApp;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real console on demo data: View → Workflows, New…, build "Tag Added cant-login → Send Reset
 * Link" in the editor (a first Save without the tag is refused with the reason), save it, add the
 * tag to Aisha through the service, and see the console's engine fire it: a reset link queued and
 * the run in the workflow's run log.
 */
class WorkflowEditorViewTest {

    private static final FxWait WAIT = FxWait.seconds(30);

    static final String AISHA = "aisha.rahman@example.org";
    static final String NAME = "Reset when cant-login";

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
    void aWorkflowBuiltInTheEditorFiresWhenItsTagIsAdded() throws Exception {
        TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
        WAIT.until(() -> contacts.getItems().size() > 40);
        MenuItem workflowsItem = menuItem("workflowsItem");
        WAIT.until(() -> !workflowsItem.isDisable());

        robot.clickOn("View").clickOn("Workflows\u2026");
        Stage workflows = WAIT.present(() -> window("Workflows"));
        Node list = workflows.getScene().getRoot();
        TableView<?> workflowTable = robot.from(list).lookup("#workflowTable").queryTableView();
        WAIT.until(() -> workflowTable.getItems().size() == 1);
        assertThat(cellTexts(workflowTable)).contains("Welcome new members", "Enabled", "Offer Access Granted");

        robot.clickOn(robot.from(list).lookup("#newButton").queryButton());
        Stage editor = WAIT.present(() -> window("New workflow"));
        Node form = editor.getScene().getRoot();
        robot.clickOn(robot.from(form).lookup("#nameField").queryAs(Node.class)).write(NAME);
        ComboBox<?> trigger = robot.from(form).lookup("#triggerBox").queryComboBox();
        robot.clickOn(trigger);
        robot.clickOn(robot.lookup(".list-cell").match((Labeled cell) -> "Tag Added".equals(cell.getText()))
                .queryAs(Node.class));
        WAIT.until(() -> robot.from(form).lookup("#triggerTagField").queryAs(Node.class).isVisible());
        robot.clickOn(robot.from(form).lookup("#addActionButton").queryButton());
        WAIT.until(() -> robot.from(form).lookup("#actionKind1").tryQuery().isPresent());
        ComboBox<?> action = robot.from(form).lookup("#actionKind1").queryComboBox();
        assertThat(String.valueOf(action.getValue())).isEqualTo("Send Reset Link");

        robot.clickOn(robot.from(form).lookup("#saveButton").queryButton());
        WAIT.until(() -> robot.from(form).lookup("#problemsBox").queryAs(Node.class).isVisible());
        assertThat(labelTexts(robot.from(form).lookup("#problemList").queryAs(Node.class)))
                .containsExactly("\u2022 trigger Tag Added needs a tag");
        assertThat(editor.isShowing()).as("nothing saved on bad input").isTrue();

        robot.clickOn(robot.from(form).lookup("#triggerTagField").queryAs(Node.class)).write("cant-login");
        robot.clickOn(robot.from(form).lookup("#saveButton").queryButton());
        WAIT.until(() -> !editor.isShowing());
        WAIT.until(() -> workflowTable.getItems().size() == 2);
        assertThat(cellTexts(workflowTable)).contains(NAME, "Tag Added: cant-login");
        Label runLogTitle = robot.from(list).lookup("#runLogTitle").queryAs(Label.class);
        WAIT.until(() -> ("Run log: " + NAME).equals(runLogTitle.getText()));

        try (Services services = TestServices.open(dir, clock)) {
            assertThat(services.contacts().byEmail(AISHA).tags()).doesNotContain("cant-login");
            services.contacts().edit(AISHA, null, null, List.of("asks-membership", "cant-login"), Actor.agent("Sam"));
            WAIT.until(() -> services.emails().list(AISHA).stream().anyMatch(this::resetByWorkflow));
        }
        TableView<?> runTable = robot.from(list).lookup("#runTable").queryTableView();
        WAIT.until(() -> runTable.getItems().size() == 1);
        WAIT.until(() -> cellTexts(runTable).contains("Done"));
        assertThat(cellTexts(runTable)).contains("Aisha Rahman <" + AISHA + ">", "Trigger");
        TableView<?> steps = robot.from(list).lookup("#stepTable").queryTableView();
        WAIT.until(() -> steps.getItems().size() == 1);
        assertThat(cellTexts(steps)).contains("Action: Send Reset Link", "Done");
    }

    private boolean resetByWorkflow(EmailView email) {
        return email.kind().code().contains("reset") && NAME.equals(email.originDetail());
    }

    private MenuItem menuItem(String id) {
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
    }

    private static Optional<Stage> window(String title) {
        return Window.getWindows().stream()
                .filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> stage.isShowing() && title.equals(stage.getTitle()))
                .findFirst();
    }

    private List<String> labelTexts(Node box) {
        List<String> texts = new ArrayList<>();
        robot.from(box).lookup(".label").queryAllAs(Labeled.class).forEach(l -> texts.add(l.getText()));
        return texts;
    }

    private List<String> cellTexts(TableView<?> table) {
        return robot.from(table).lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText)
                .filter(text -> text != null && !text.isBlank())
                .toList();
    }
}
