package org.memberdesk.ui.view.common;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Cell;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Region;

/**
 * Buttons and labels never shorten their text to "…": a button or a one-line label is at least as
 * wide as its text, and a wrapping label at least as tall as its lines. A window that gets too
 * small for that scrolls (see {@link ScrollingContent}) rather than cutting words. Rows of tables
 * and lists are left alone: their columns shorten by design. Nodes added later (a new finding,
 * another email's details) are kept whole as they arrive.
 */
public final class WholeText {

    private static final Object KEPT = new Object();

    private WholeText() {
    }

    /** A label that wraps its text and is always as tall as its lines, for code-built forms. */
    public static Label wrappingLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A wrapping label (see {@link #wrappingLabel}) that shows {@code text}, for code-built forms. */
    public static Label wrappingText(String text) {
        Label label = wrappingLabel(null);
        label.setText(text);
        return label;
    }

    /** Keeps every button and label of {@code scene} whole, now and as its content changes (idempotent). */
    public static void keep(Scene scene) {
        if (scene.getRoot() != null) {
            keep(scene.getRoot());
        }
        if (scene.getProperties().putIfAbsent(WholeText.class, KEPT) == null) {
            scene.rootProperty().addListener((o, before, root) -> {
                if (root != null) {
                    keep(root);
                }
            });
        }
    }

    private static void keep(Node node) {
        if (node.getProperties().putIfAbsent(WholeText.class, KEPT) != null) {
            return;
        }
        if (node instanceof Labeled labeled) {
            keepWhole(labeled);
        }
        if (node instanceof Cell<?> || node instanceof TableView<?> || node instanceof ListView<?>
                || node instanceof TreeView<?> || node instanceof TreeTableView<?>) {
            return;
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(WholeText::keep);
            parent.getChildrenUnmodifiable().addListener((ListChangeListener<Node>) change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(WholeText::keep);
                }
            });
        }
    }

    private static void keepWhole(Labeled labeled) {
        if (!(labeled instanceof ButtonBase) && !(labeled instanceof Label)) {
            return;
        }
        // A size the view set or bound itself is its own decision.
        if (labeled.isWrapText()) {
            if (labeled.getMinHeight() == Region.USE_COMPUTED_SIZE && !labeled.minHeightProperty().isBound()) {
                labeled.setMinHeight(Region.USE_PREF_SIZE);
            }
        } else if (labeled.getMinWidth() == Region.USE_COMPUTED_SIZE && !labeled.minWidthProperty().isBound()) {
            labeled.setMinWidth(Region.USE_PREF_SIZE);
        }
    }
}
