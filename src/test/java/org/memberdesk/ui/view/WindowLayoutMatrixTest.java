package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.effect.Effect;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.memberdesk.MemberDeskApp;
import org.memberdesk.service.storage.ConsolePreferences;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.view.common.Stylesheets;
import org.memberdesk.ui.view.help.FaqView;
import org.memberdesk.ui.viewmodel.console.ConsoleSession;
import org.memberdesk.ui.viewmodel.console.ContactRow;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Every window of the console on a small screen (800×600 and 1024×768), with and without presenter
 * mode, light and dark: each control lies inside its window or in content that scrolls, and no
 * label or button shows its text cut short.
 */
class WindowLayoutMatrixTest {

    private static final FxWait WAIT = FxWait.seconds(30);
    private static final String OLU = "Olu Adeyemi";

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    MemberDeskApp app;
    double screenWidth;
    double screenHeight;
    final List<String> problems = new ArrayList<>();

    static Stream<Arguments> screens() {
        List<Arguments> all = new ArrayList<>();
        for (int[] size : new int[][] {{800, 600}, {1024, 768}}) {
            for (boolean presenter : new boolean[] {false, true}) {
                for (boolean dark : new boolean[] {false, true}) {
                    all.add(Arguments.of(size[0], size[1], presenter, dark));
                }
            }
        }
        return all.stream();
    }

    @AfterEach
    void stopConsole() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        robot.interact(() -> {
            Stylesheets.setPresenter(false);
            Stylesheets.setDark(false);
        });
    }

    @ParameterizedTest(name = "{0}×{1} presenter={2} dark={3}")
    @MethodSource("screens")
    void everyWindowFitsAndNoTextIsCut(int width, int height, boolean presenter, boolean dark) throws Exception {
        screenWidth = width;
        screenHeight = height;
        new ConsolePreferences(new DataDirectory(dir)).putAll(Map.of(ConsolePreferences.THEME, dark ? "dark" : "light",
                ConsolePreferences.PRESENTER, Boolean.toString(presenter)));
        TestClock clock = new TestClock(Instant.now(), ZoneId.systemDefault());
        FxToolkit.registerPrimaryStage();
        app = (MemberDeskApp) FxToolkit.setupApplication(
                () -> new MemberDeskApp(new DataDirectory(dir), clock, Map.of("MEMBERDESK_AGENT", "desk-7")));

        Stage welcome = WAIT.present(() -> window("Welcome to MemberDesk"));
        WAIT.until(() -> Stylesheets.isPresenter() == presenter && Stylesheets.isDark() == dark);
        inspect(welcome);
        robot.interact(robot.from(welcome.getScene().getRoot()).lookup("#demoButton").queryButton()::fire);
        TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
        WAIT.until(() -> contacts.getItems().size() > 40);
        ConsoleStarted.waitForDatabase(robot);
        Stage main = (Stage) contacts.getScene().getWindow();
        inspect(main);
        if (dark) {
            assertThat(darkMenuEffect(main)).as("a dark menu has no shadow (drawn as a white frame without compositing)")
                    .isNull();
        }

        ConsoleSession session = app.console().sessionProperty().get();
        ContactRow olu = contacts.getItems().stream().map(ContactRow.class::cast)
                .filter(row -> OLU.equals(row.name())).findFirst().orElseThrow();
        Stage contact = opened(() -> session.open(olu));
        Parent contactRoot = contact.getScene().getRoot();
        WAIT.until(() -> robot.from(contactRoot).lookup("#summaryLabel").queryLabeled().getText() != null
                && !robot.from(contactRoot).lookup("#summaryLabel").queryLabeled().getText().isBlank());
        inspect(contact);
        for (String action : List.of("#portalResetButton", "#portalPasswordButton", "#grantButton",
                "#editContactButton")) {
            Button button = robot.from(contactRoot).lookup(action).queryButton();
            WAIT.until(() -> !button.isDisabled());
            inspectAndClose(opened(button::fire));
        }
        Button revoke = WAIT.present(() -> robot.from(contactRoot).lookup(".revoke-button").tryQueryAs(Button.class)
                .filter(button -> !button.isDisabled()));
        inspectAndClose(opened(revoke::fire));

        Button diagnoseButton = robot.from(contactRoot).lookup("#diagnoseButton").queryButton();
        Stage diagnose = opened(diagnoseButton::fire);
        Parent diagnoseRoot = diagnose.getScene().getRoot();
        inspect(diagnose);
        robot.interact(() -> robot.from(diagnoseRoot).lookup("#notSureQuestion").queryAs(javafx.scene.control.ButtonBase.class).fire());
        Button run = robot.from(diagnoseRoot).lookup("#runButton").queryButton();
        WAIT.until(() -> !run.isDisabled());
        robot.interact(run::fire);
        WAIT.present(() -> robot.from(diagnoseRoot).lookup(".fix-button").tryQuery());
        inspectAndClose(diagnose);
        robot.interact(contact::close);

        inspectAndClose(opened(() -> session.insight().openActivity()));
        inspectAndClose(opened(session::importContacts));
        inspectAndClose(opened(() -> session.mail().openDemoInbox()));
        inspectAndClose(opened(() -> session.mail().openSmtpSettings()));
        inspectAndClose(opened(session::openEmailTemplates));
        inspectAndClose(opened(session::openBranding));
        inspectAndClose(opened(session::newContact));
        WAIT.until(() -> session.workflowsReadyProperty().get());
        Stage workflows = opened(session::openWorkflows);
        inspect(workflows);
        Button newWorkflow = robot.from(workflows.getScene().getRoot()).lookup("#newButton").queryButton();
        WAIT.until(() -> !newWorkflow.isDisabled());
        inspectAndClose(opened(newWorkflow::fire));
        robot.interact(workflows::close);
        inspectAndClose(opened(() -> session.runWorkflow(List.of())));
        inspectAndClose(opened(() -> FaqView.show(Messages.load())));
        inspectAndClose(opened(() -> app.console().showShortcuts()));
        inspectAndClose(opened(() -> app.console().showAbout()));

        assertThat(problems).isEmpty();
    }

    /** The effect on the File menu's popup while it shows. */
    private Effect darkMenuEffect(Stage main) throws Exception {
        MenuBar bar = robot.from(main.getScene().getRoot()).lookup("#menuBar").queryAs(MenuBar.class);
        Menu file = bar.getMenus().get(0);
        robot.interact(file::show);
        Node menu = WAIT.present(() -> Window.getWindows().stream()
                .filter(window -> window instanceof ContextMenu && window.isShowing())
                .map(window -> window.getScene().getRoot().lookup(".context-menu"))
                .filter(Objects::nonNull).findFirst());
        Effect effect = menu.getEffect();
        robot.interact(file::hide);
        return effect;
    }

    /** Runs {@code action} on the FX thread and returns the window it opened. */
    private Stage opened(Runnable action) throws Exception {
        Set<Window> before = new HashSet<>(Window.getWindows());
        robot.interact(action);
        return WAIT.present(() -> Window.getWindows().stream()
                .filter(window -> !before.contains(window) && window.isShowing())
                .filter(Stage.class::isInstance).map(Stage.class::cast).findFirst());
    }

    private void inspectAndClose(Stage stage) throws Exception {
        inspect(stage);
        robot.interact(stage::close);
    }

    /** On the screen under test, at most its size; every tab of the window in turn. */
    private void inspect(Stage stage) throws Exception {
        robot.interact(() -> {
            stage.setWidth(Math.min(stage.getWidth(), screenWidth));
            stage.setHeight(Math.min(stage.getHeight(), screenHeight));
            stage.setX(0);
            stage.setY(0);
        });
        WAIT.until(() -> stage.getScene().getWidth() <= screenWidth && stage.getScene().getHeight() <= screenHeight);
        String name = stage.getTitle() + " (" + (int) screenWidth + "×" + (int) screenHeight
                + (Stylesheets.isPresenter() ? ", presenter" : "") + (Stylesheets.isDark() ? ", dark" : "") + ")";
        List<TabPane> tabPanes = new ArrayList<>();
        robot.interact(() -> collectTabPanes(stage.getScene().getRoot(), tabPanes));
        robot.interact(() -> problems.addAll(LayoutInspector.problems(name, stage.getScene())));
        for (TabPane tabs : tabPanes) {
            Tab selected = tabs.getSelectionModel().getSelectedItem();
            for (Tab tab : List.copyOf(tabs.getTabs())) {
                if (tab == selected || tab.isDisabled()) {
                    continue;
                }
                robot.interact(() -> tabs.getSelectionModel().select(tab));
                robot.interact(() -> problems.addAll(
                        LayoutInspector.problems(name + " tab " + tab.getText(), stage.getScene())));
            }
            robot.interact(() -> tabs.getSelectionModel().select(selected));
        }
    }

    private static void collectTabPanes(Node node, List<TabPane> found) {
        if (node instanceof TabPane tabs) {
            found.add(tabs);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectTabPanes(child, found));
        }
    }

    private static Optional<Stage> window(String title) {
        return Window.getWindows().stream()
                .filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> title.equals(stage.getTitle()) && stage.isShowing())
                .findFirst();
    }
}
