package org.memberdesk.ui.view.common;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

/** What every secondary window of the console shares: how it is made and how it comes back to the front. */
public final class Windows {

    /** The key that reads a window again from the database (Help → Keyboard shortcuts lists it). */
    public static final KeyCombination REFRESH = KeyCombination.keyCombination("F5");

    private Windows() {
    }

    /**
     * A window with the console's styles and icons, closed by Shortcut+W, over {@code owner} when that
     * is showing (null: a window of its own). A height of -1 sizes it to its content.
     */
    public static Stage create(Parent root, double width, double height, String title, Window owner) {
        Stage stage = new Stage();
        Scene scene = new Scene(new ScrollingContent(root), width, height);
        Stylesheets.apply(scene);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+W"), stage::close);
        stage.setScene(scene);
        stage.setTitle(title);
        if (owner != null && owner.isShowing()) {
            stage.initOwner(owner);
        }
        Stylesheets.decorate(stage);
        return stage;
    }

    /** F5 (View → Refresh in the main window) in {@code stage}: reads what it shows again. */
    public static void onRefreshKey(Stage stage, Runnable refresh) {
        stage.getScene().getAccelerators().put(REFRESH, refresh);
    }

    /** Brings {@code stage} back (restored, in front, focused) if it is showing; false when there is none to bring. */
    public static boolean bringToFront(Stage stage) {
        if (stage == null || !stage.isShowing()) {
            return false;
        }
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
        return true;
    }

    /** The window the agent is working in (the focused one), or {@code fallback} when none has the focus. */
    public static Window focusedOr(Window fallback) {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst().orElse(fallback);
    }
}
