package org.memberdesk.ui.view;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.MemberDeskApp;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestDatabases;
import org.memberdesk.testsupport.TestServices;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the TestFX tests of the real console on demo data share: the app started on a seeded data
 * directory (its list shown and its database open), closed after each test, and the lookups they
 * all make: a window by title, a label's text, a tab's header, a contact's window opened by search.
 */
abstract class DemoConsoleCase {

    static final FxWait WAIT = FxWait.seconds(30);

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    TestClock clock;
    MemberDeskApp app;

    @BeforeEach
    final void startConsoleOnDemoData() throws Exception {
        clock = new TestClock(Instant.now(), ZoneId.systemDefault());
        try (Services services = TestServices.open(dir, clock)) {
            services.demo().seed();
        }
        FxToolkit.registerPrimaryStage();
        app = (MemberDeskApp) FxToolkit.setupApplication(() -> new MemberDeskApp(new DataDirectory(dir), clock,
                TestDatabases.env(dir, System.getenv())));
        TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
        WAIT.until(() -> contacts.getItems().size() > 40);
        ConsoleStarted.waitForDatabase(robot);
    }

    @AfterEach
    final void stopConsole() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
    }

    /** Searches for {@code query}, opens the one contact found and waits until its header shows. */
    Node openContact(String query, String name) throws Exception {
        TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
        robot.clickOn("#searchField").write(query);
        WAIT.until(() -> contacts.getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        Node root = WAIT.present(() -> window(name)).getScene().getRoot();
        WAIT.until(() -> !text(root, "#emailLabel").isEmpty());
        return root;
    }

    static Optional<Stage> window(String titleStart) {
        return Window.getWindows().stream()
                .filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> stage.isShowing() && stage.getTitle() != null && stage.getTitle().startsWith(titleStart))
                .findFirst();
    }

    String text(Node root, String query) {
        return robot.from(root).lookup(query).queryAs(Label.class).getText();
    }

    /**
     * Clicks {@code node} as an agent would on a window smaller than its content: first scrolls every
     * scroll pane around it so that it is in sight.
     */
    void clickInSight(Node node) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> scrollIntoView(node)).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(node);
    }

    private static void scrollIntoView(Node node) {
        for (Parent parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof ScrollPane pane && pane.getContent() != null) {
                Node content = pane.getContent();
                Bounds target = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                Bounds whole = content.getLayoutBounds();
                Bounds viewport = pane.getViewportBounds();
                double spareHeight = whole.getHeight() - viewport.getHeight();
                if (spareHeight > 0) {
                    double share = Math.min(1, Math.max(0, (target.getMinY() - whole.getMinY()) / spareHeight));
                    pane.setVvalue(pane.getVmin() + share * (pane.getVmax() - pane.getVmin()));
                }
                double spareWidth = whole.getWidth() - viewport.getWidth();
                if (spareWidth > 0) {
                    double share = Math.min(1, Math.max(0, (target.getMinX() - whole.getMinX()) / spareWidth));
                    pane.setHvalue(pane.getHmin() + share * (pane.getHmax() - pane.getHmin()));
                }
                pane.layout();
            }
        }
    }

    /** Selects the tab titled {@code title} of the window's tab pane, as clicking its header does. */
    void chooseTab(Node root, String title) {
        TabPane tabs = robot.from(root).lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(tab -> title.equals(tab.getText())).findFirst().orElseThrow()));
    }

    Node tabHeader(Node root, String title) {
        return robot.from(root).lookup(".tab-label").match((Labeled label) -> title.equals(label.getText())).query();
    }
}
