package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.console.Shortcuts;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real console on a demo data directory: search "dana", press Enter, read her contact window. */
class ConsoleViewTest extends DemoConsoleCase {

    @Test
    void theMainWindowOpensAtLeast800WideAndRemembersItsPlaceOnExit() throws Exception {
        ConsoleStarted.waitForDatabase(robot);
        Stage main = WAIT.present(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getScene() != null && s.getScene().lookup("#contactTable") != null)
                .map(Stage.class::cast).findFirst());
        double screenWidth = javafx.stage.Screen.getPrimary().getVisualBounds().getWidth();
        assertThat(main.getWidth()).isGreaterThanOrEqualTo(Math.min(800, screenWidth));
        assertThat(main.getMinWidth()).isEqualTo(Math.min(800, screenWidth));

        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);

        assertThat(new org.memberdesk.service.storage.ConsolePreferences(new DataDirectory(dir)).window())
                .hasValueSatisfying(place -> assertThat(place.width()).isEqualTo(main.getWidth()));
    }

    @Test
    void searchingDanaAndPressingEnterOpensHerContactWindowWithItsThreeTabs() throws Exception {
        TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
        WAIT.until(() -> contacts.getItems().size() > 40);
        ConsoleStarted.waitForDatabase(robot);

        robot.clickOn("#searchField").write("dana");
        WAIT.until(() -> contacts.getItems().size() == 1);
        robot.type(KeyCode.ENTER);

        Stage window = WAIT.present(() -> window("Dana Whitfield"));
        Node root = window.getScene().getRoot();
        TableView<?> emails = robot.from(root).lookup("#emailTable").queryTableView();
        WAIT.until(() -> emails.getItems().size() == 3);

        assertThat(text(root, "#nameLabel")).isEqualTo("Dana Whitfield");
        assertThat(text(root, "#emailLabel")).isEqualTo("dana.whitfield@example.com");
        assertThat(text(root, "#summaryLabel")).contains("2 active offers").contains("no password set");
        assertThat(cellTexts(emails)).contains("Reset link", "Membership welcome", "Sent");

        robot.clickOn(tabHeader(root, "Actions"));
        assertThat(text(root, "#portalPasswordLabel")).isEqualTo("No password set");
        assertThat(robot.from(root).lookup("#noCommunityLabel").queryLabeled().isVisible()).isTrue();

        robot.clickOn(tabHeader(root, "Offers"));
        TableView<?> offers = robot.from(root).lookup("#offerTable").queryTableView();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(offers.getItems()).hasSize(2);
        List<String> offerCells = cellTexts(offers);
        assertThat(offerCells).contains("Momentum Membership", "Budget Bootcamp");
        assertThat(offerCells.stream().filter("Active"::equals)).hasSize(2);

        Node searchField = robot.lookup("#searchField").query();
        robot.interact(() -> {
            searchField.getScene().getWindow().requestFocus();
            searchField.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows().stream().filter(w -> w instanceof Stage stage
                && stage.getTitle() != null && stage.getTitle().startsWith("Dana Whitfield"))).hasSize(1);
    }

    @Test
    void fileQuitWithCtrlQClosesEveryWindowAndTheSession() throws Exception {
        TableView<?> contacts = robot.lookup("#contactTable").queryTableView();
        WAIT.until(() -> contacts.getItems().size() > 40);
        ConsoleStarted.waitForDatabase(robot);
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        Menu file = bar.getMenus().stream().filter(m -> "File".equals(m.getText())).findFirst().orElseThrow();
        MenuItem quit = file.getItems().stream().filter(i -> "_Quit".equals(i.getText()))
                .findFirst().orElseThrow();
        assertThat(quit.getAccelerator()).isEqualTo(KeyCombination.keyCombination("Shortcut+Q"));
        assertThat(Shortcuts.all(Messages.load())).anySatisfy(shortcut -> {
            assertThat(shortcut.keys()).isEqualTo("Shortcut+Q");
            assertThat(shortcut.action()).isEqualTo("Quit MemberDesk");
        });
        assertThat(Shortcuts.all(Messages.load())).filteredOn(shortcut -> shortcut.keys().equals("Shortcut+R"))
                .singleElement().satisfies(shortcut -> assertThat(shortcut.action()).contains("after asking"));

        robot.clickOn("#searchField").write("dana");
        WAIT.until(() -> contacts.getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        Stage dana = WAIT.present(() -> window("Dana Whitfield"));
        Window main = contacts.getScene().getWindow();
        Node searchField = robot.lookup("#searchField").query();
        robot.interact(() -> {
            main.requestFocus();
            searchField.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);

        WAIT.until(() -> !main.isShowing());
        assertThat(dana.isShowing()).as("the contact window closes with the console").isFalse();
        assertThat(app.console().sessionProperty().get()).as("the session closed").isNull();
    }

    private List<String> cellTexts(TableView<?> table) {
        return robot.from(table).lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText)
                .filter(text -> text != null && !text.isBlank())
                .toList();
    }
}
