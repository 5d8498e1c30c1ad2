package org.memberdesk.ui.view;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
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
import org.memberdesk.testsupport.TestServices;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

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
        app = (MemberDeskApp) FxToolkit.setupApplication(() -> new MemberDeskApp(new DataDirectory(dir), clock));
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

    Node tabHeader(Node root, String title) {
        return robot.from(root).lookup(".tab-label").match((Labeled label) -> title.equals(label.getText())).query();
    }
}
