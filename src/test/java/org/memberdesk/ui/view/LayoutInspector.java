package org.memberdesk.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Cell;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.scene.web.WebView;

/**
 * What a window shows cut off: a control that lies (partly) outside its window and is not in a
 * scroll pane's content, and a label or button whose text is shortened (an ellipsis or clipped).
 * Rows of tables and lists scroll and shorten by design: they are left out.
 */
final class LayoutInspector {

    private static final double SLACK = 1;

    private final String window;
    private final Scene scene;
    private final List<String> problems = new ArrayList<>();

    private LayoutInspector(String window, Scene scene) {
        this.window = window;
        this.scene = scene;
    }

    /** Call on the FX thread, after the window has been laid out at the size under test. */
    static List<String> problems(String window, Scene scene) {
        LayoutInspector inspector = new LayoutInspector(window, scene);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        inspector.visit(scene.getRoot());
        return inspector.problems;
    }

    private void visit(Node node) {
        if (!node.isVisible() || node instanceof ScrollBar) {
            return;
        }
        if (node instanceof Control control) {
            check(control);
        }
        if (node instanceof Cell<?> || node instanceof TableView<?> || node instanceof ListView<?>
                || node instanceof TreeView<?> || node instanceof TreeTableView<?> || node instanceof WebView) {
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child);
            }
        }
    }

    private void check(Control control) {
        String name = describe(control);
        if (!inScrollPane(control)) {
            Bounds box = control.localToScene(control.getLayoutBounds());
            if (box.getMinX() < -SLACK || box.getMinY() < -SLACK || box.getMaxX() > scene.getWidth() + SLACK
                    || box.getMaxY() > scene.getHeight() + SLACK) {
                problems.add(window + ": " + name + " lies outside the " + (int) scene.getWidth() + "×"
                        + (int) scene.getHeight() + " window at " + round(box));
            }
        }
        if (control instanceof Labeled labeled) {
            shortened(labeled).ifPresent(shown -> problems.add(window + ": " + name + " shows \"" + shown + "\""));
        }
    }

    private static java.util.Optional<String> shortened(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isBlank() || labeled.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
            return java.util.Optional.empty();
        }
        String expected = labeled.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
        if (labeled.getTooltip() != null && labeled.getTooltip().getText() != null
                && labeled.getTooltip().getText().contains(expected)) {
            return java.util.Optional.empty(); // it may shorten: hovering shows the whole text
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text rendered && rendered.getStyleClass().contains("text")) {
                return expected.equals(rendered.getText()) ? java.util.Optional.empty()
                        : java.util.Optional.of(String.valueOf(rendered.getText()));
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean inScrollPane(Node node) {
        for (Parent parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof ScrollPane) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Control control) {
        String kind = control.getClass().getSimpleName();
        String id = control.getId() == null ? "" : "#" + control.getId();
        String text = control instanceof Labeled labeled && labeled.getText() != null
                ? " \"" + labeled.getText() + "\"" : "";
        return kind + id + text;
    }

    private static String round(Bounds box) {
        return String.format("(%.0f,%.0f)-(%.0f,%.0f)", box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY());
    }
}
