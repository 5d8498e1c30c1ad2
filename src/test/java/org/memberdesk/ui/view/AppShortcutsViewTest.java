package org.memberdesk.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.console.Shortcut;
import org.memberdesk.ui.viewmodel.console.Shortcuts;

/**
 * The real console on demo data: Ctrl+F, Ctrl+N, Ctrl+I, Ctrl+L and Ctrl+Q do the same from the main
 * window and from a contact window, and Help → Keyboard shortcuts writes every key as this computer does.
 */
class AppShortcutsViewTest extends DemoConsoleCase {

    Stage main;

    @BeforeEach
    void findMainWindow() {
        main = (Stage) robot.lookup("#contactTable").queryTableView().getScene().getWindow();
    }

    @Test
    void fromTheMainWindow() throws Exception {
        Node table = robot.lookup("#contactTable").query();
        working(main, table);
        press(KeyCode.F);
        WAIT.until(() -> searchField().isFocused());

        opens(main, KeyCode.N, "New contact");
        opens(main, KeyCode.I, "Inbox (demo)");
        opens(main, KeyCode.L, "Activity");

        working(main, table);
        press(KeyCode.Q);
        quits();
    }

    @Test
    void fromAContactWindow() throws Exception {
        Stage dana = openDana();
        robot.interact(() -> robot.lookup("#contactTable").query().requestFocus());
        working(dana, nameLabel(dana));
        assertThat(searchField().isFocused()).isFalse();
        press(KeyCode.F);
        WAIT.until(() -> main.isFocused() && searchField().isFocused());
        assertThat(dana.isShowing()).isTrue();

        opens(dana, KeyCode.N, "New contact");
        opens(dana, KeyCode.I, "Inbox (demo)");
        opens(dana, KeyCode.L, "Activity");

        working(dana, nameLabel(dana));
        press(KeyCode.Q);
        quits();
        assertThat(dana.isShowing()).isFalse();
    }

    @Test
    void helpListsTheKeysAsThisComputerWritesThem() throws Exception {
        robot.clickOn("Help").clickOn("Keyboard shortcuts");
        Stage help = WAIT.present(() -> window("Keyboard shortcuts"));
        var shown = robot.from(help.getScene().getRoot()).lookup(".shortcut-keys").queryAllAs(Labeled.class)
                .stream().map(Labeled::getText).toList();
        for (Shortcut shortcut : Shortcuts.all(Messages.load())) {
            if (shortcut.keys().contains("+")) {
                assertThat(shown).contains(KeyCombination.keyCombination(shortcut.keys()).getDisplayText());
            }
        }
        assertThat(shown).contains("F5").noneMatch(text -> text.contains("Shortcut"));
        assertThat(robot.from(help.getScene().getRoot()).lookup(".shortcut-scope").queryAllAs(Labeled.class))
                .extracting(Labeled::getText).filteredOn("every window"::equals).hasSize(6);
    }

    /** The key, with Ctrl (Cmd on a Mac: JavaFX's "Shortcut") for a letter. */
    private void press(KeyCode key) {
        KeyCode shortcut = System.getProperty("os.name", "").startsWith("Mac") ? KeyCode.COMMAND : KeyCode.CONTROL;
        robot.press(shortcut, key).release(key, shortcut);
    }

    /** Ctrl+{@code key} pressed in {@code from} opens the window titled {@code title}; closed again after. */
    private void opens(Stage from, KeyCode key, String title) throws Exception {
        working(from, from.getScene().getRoot());
        press(key);
        Stage opened = WAIT.present(() -> window(title));
        assertThat(opened).isNotSameAs(from);
        robot.interact(opened::close);
    }

    private void quits() {
        WAIT.until(() -> !main.isShowing());
        assertThat(app.console().sessionProperty().get()).as("the session closed").isNull();
    }

    private Stage openDana() throws Exception {
        robot.interact(() -> {
            main.requestFocus();
            searchField().requestFocus();
        });
        robot.write("dana");
        robot.type(KeyCode.ENTER);
        Stage dana = WAIT.present(() -> window("Dana Whitfield"));
        WAIT.until(() -> "Dana Whitfield".equals(((Labeled) nameLabel(dana)).getText()));
        return dana;
    }

    private void working(Stage stage, Node node) {
        robot.interact(() -> {
            stage.toFront();
            stage.requestFocus();
            node.requestFocus();
        });
        WAIT.until(stage::isFocused);
    }

    private Node searchField() {
        return robot.from(main.getScene().getRoot()).lookup("#searchField").query();
    }

    private Node nameLabel(Stage contact) {
        return robot.from(contact.getScene().getRoot()).lookup("#nameLabel").query();
    }
}
