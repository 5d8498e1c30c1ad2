package org.memberdesk.ui.view.console;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.viewmodel.console.Shortcut;

/** Help → Keyboard shortcuts: each key combination as this computer writes it, what it does, and where it works. */
public final class ShortcutsView {

    @FXML private GridPane shortcutGrid;

    private final Parent root;

    public ShortcutsView(List<Shortcut> shortcuts, Messages messages) {
        this.root = ViewLoader.load(this, messages);
        int row = 0;
        for (Shortcut shortcut : shortcuts) {
            Label keys = new Label(displayText(shortcut.keys()));
            keys.getStyleClass().add("shortcut-keys");
            Label action = new Label(shortcut.action());
            action.setWrapText(true);
            Label scope = new Label(shortcut.everyWindow() ? messages.get("shortcuts.everyWindow") : "");
            scope.getStyleClass().addAll("shortcut-scope", "text-small", "text-muted");
            shortcutGrid.addRow(row++, keys, action, scope);
        }
    }

    public Parent root() {
        return root;
    }

    /** "Shortcut+F" reads "Ctrl+F" here and "⌘F" on a Mac; plain key names stay as written. */
    static String displayText(String keys) {
        if (!keys.contains("+")) {
            return keys;
        }
        try {
            return KeyCombination.keyCombination(keys).getDisplayText();
        } catch (IllegalArgumentException e) {
            return keys;
        }
    }
}
