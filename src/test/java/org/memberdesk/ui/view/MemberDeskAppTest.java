package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.MemberDeskApp;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.ConsolePreferences;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;
import org.memberdesk.ui.view.common.Stylesheets;
import org.memberdesk.ui.viewmodel.console.ConsoleSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real console on a new data directory: the welcome takes the agent's name and loads the demo,
 * the portal answers at the address in the status bar, presenter mode and the dark theme reach every window,
 * Reset demo closes the windows of the session it replaces.
 */
class MemberDeskAppTest {

    private static final FxWait WAIT = FxWait.seconds(30);

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    MemberDeskApp app;
    int port;

    @BeforeEach
    void startConsoleOnANewDataDirectory() throws Exception {
        TestClock clock = new TestClock(Instant.now(), ZoneId.systemDefault());
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (Services services = TestServices.open(dir, clock)) {
            services.transactions().write(t -> {
                t.settings().put("portal.port", Integer.toString(port), Instant.now());
                return null;
            });
        }
        FxToolkit.registerPrimaryStage();
        app = (MemberDeskApp) FxToolkit.setupApplication(
                () -> new MemberDeskApp(new DataDirectory(dir), clock, Map.of("MEMBERDESK_AGENT", "desk-7")));
    }

    @AfterEach
    void stopConsole() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        robot.interact(() -> {
            Stylesheets.setPresenter(false);
            Stylesheets.setDark(false);
        });
    }

    @Test
    void theWelcomeTakesTheNameAndLoadsTheDemoThenThePortalAnswersUntilTheConsoleCloses() throws Exception {
        Stage welcome = WAIT.present(() -> window("Welcome to MemberDesk"));
        Parent form = welcome.getScene().getRoot();
        assertThat(robot.from(form).lookup("#agentNameField").queryTextInputControl().getText()).isEqualTo("desk-7");

        robot.clickOn(robot.from(form).lookup("#agentNameField").queryTextInputControl());
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Sam Rivera");
        robot.clickOn(robot.from(form).lookup("#demoButton").queryButton());

        TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
        WAIT.until(() -> contacts.getItems().size() > 40);
        ConsoleStarted.waitForDatabase(robot);
        assertThat(welcome.isShowing()).isFalse();
        assertThat(app.console().agent().name()).isEqualTo("Sam Rivera");
        assertThat(new ConsolePreferences(new DataDirectory(dir)).agentName()).contains("Sam Rivera");

        String url = "http://localhost:" + port + "/";
        Hyperlink portalLink = robot.lookup("#portalLink").queryAs(Hyperlink.class);
        WAIT.until(() -> portalLink.getText().equals("Portal: " + url));
        assertThat(status(url)).isEqualTo(200);

        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
        assertThatThrownBy(() -> status(url)).isInstanceOf(ConnectException.class);
    }

    @Test
    void presenterModeAndTheDarkThemeReachEveryWindow() throws Exception {
        Stage welcome = WAIT.present(() -> window("Welcome to MemberDesk"));
        robot.clickOn(robot.from(welcome.getScene().getRoot()).lookup("#demoButton").queryButton());
        TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
        WAIT.until(() -> contacts.getItems().size() > 40);
        ConsoleStarted.waitForDatabase(robot);
        Parent main = contacts.getScene().getRoot();
        assertThat(main.getStyleClass()).doesNotContain(Stylesheets.PRESENTER, Stylesheets.DARK);

        TextInputControl search = robot.from(main).lookup("#searchField").queryTextInputControl();
        double normalFont = search.getFont().getSize();
        robot.clickOn(search);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        WAIT.until(() -> main.getStyleClass().contains(Stylesheets.PRESENTER));
        assertThat(search.getFont().getSize()).isGreaterThan(normalFont);

        robot.clickOn("Help").clickOn("Keyboard shortcuts");
        Stage shortcuts = WAIT.present(() -> window("Keyboard shortcuts"));
        assertThat(shortcuts.getScene().getRoot().getStyleClass()).contains(Stylesheets.PRESENTER);
        assertThat(shortcuts.getIcons()).isNotEmpty();
        assertThat(robot.from(shortcuts.getScene().getRoot()).lookup("Search contacts").tryQuery()).isPresent();
        assertThat(robot.from(shortcuts.getScene().getRoot()).lookup(".shortcut-keys").queryAllAs(Labeled.class))
                .extracting(Labeled::getText).contains("Ctrl+F", "Enter", "Ctrl+I").doesNotContain("Shortcut+F");
        robot.interact(shortcuts::close);

        robot.clickOn("Help").clickOn("About MemberDesk");
        Stage about = WAIT.present(() -> window("About MemberDesk"));
        Parent aboutRoot = about.getScene().getRoot();
        assertThat(robot.from(aboutRoot).lookup("#versionLabel").queryLabeled().getText()).startsWith("Version ");
        assertThat(robot.from(aboutRoot).lookup("#dataDirectoryLabel").queryLabeled().getText())
                .isEqualTo(dir.toString());
        assertThat(robot.from(aboutRoot).lookup("#agentLabel").queryLabeled().getText()).isEqualTo("desk-7");
        robot.interact(about::close);

        robot.interact(() -> themeItem(main, "Dark").setSelected(true));
        WAIT.until(() -> main.getStyleClass().contains(Stylesheets.DARK));
        assertThat(main.getPseudoClassStates()).extracting(Object::toString).contains("dark");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        WAIT.until(() -> new ConsolePreferences(new DataDirectory(dir)).load().containsKey("console.presenter")
                && "dark".equals(new ConsolePreferences(new DataDirectory(dir)).load().get("console.theme")));
        assertThat(new ConsolePreferences(new DataDirectory(dir)).load()).containsEntry("console.presenter", "true");

        robot.clickOn(search);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        WAIT.until(() -> !main.getStyleClass().contains(Stylesheets.PRESENTER));
        assertThat(search.getFont().getSize()).isEqualTo(normalFont);
        robot.interact(() -> themeItem(main, "Light").setSelected(true));
        WAIT.until(() -> !main.getStyleClass().contains(Stylesheets.DARK));
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void resetDemoClosesTheWindowsOfTheSessionItReplaces() throws Exception {
        Stage welcome = WAIT.present(() -> window("Welcome to MemberDesk"));
        robot.clickOn(robot.from(welcome.getScene().getRoot()).lookup("#demoButton").queryButton());
        TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
        WAIT.until(() -> contacts.getItems().size() > 40);
        ConsoleStarted.waitForDatabase(robot);
        ConsoleSession first = app.console().sessionProperty().get();
        robot.interact(() -> first.insight().openActivity());
        Stage activity = WAIT.present(() -> window("Activity \u2014 MemberDesk"));

        Platform.runLater(app.console()::resetDemo); // the confirmation waits for an answer
        Stage question = WAIT.present(() -> window("Reset demo"));
        Button reset = robot.from(question.getScene().getRoot())
                .lookup((Button button) -> "Reset demo".equals(button.getText())).queryButton();
        robot.interact(reset::fire);

        WAIT.until(() -> !activity.isShowing());
        WAIT.until(() -> app.console().sessionProperty().get() != null);
        assertThat(app.console().sessionProperty().get()).isNotSameAs(first);
        assertThat(window("Activity \u2014 MemberDesk")).as("no window of the closed session").isEmpty();
    }

    /** View → Theme → {@code name}: the menu item itself (popup menus are not clicked reliably headless). */
    private RadioMenuItem themeItem(Parent main, String name) {
        MenuBar bar = robot.from(main).lookup("#menuBar").queryAs(MenuBar.class);
        Menu view = bar.getMenus().stream().filter(m -> "View".equals(m.getText())).findFirst().orElseThrow();
        Menu theme = (Menu) view.getItems().stream().filter(i -> "Theme".equals(i.getText())).findFirst().orElseThrow();
        return (RadioMenuItem) theme.getItems().stream().filter(i -> name.equals(i.getText())).findFirst()
                .orElseThrow();
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Optional<Stage> window(String title) {
        return Window.getWindows().stream()
                .filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> title.equals(stage.getTitle()) && stage.isShowing())
                .findFirst();
    }
}
