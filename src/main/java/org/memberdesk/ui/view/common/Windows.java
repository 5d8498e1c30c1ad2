package org.memberdesk.ui.view.common;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.memberdesk.ui.view.common.WindowFit.Box;

/** What every secondary window of the console shares: how it is made and how it comes back to the front. */
public final class Windows {

    private static WindowMemory memory = WindowMemory.NONE;

    private Windows() {
    }

    /** Where windows of each kind are remembered from now on (the console sets it once at start). */
    public static void useMemory(WindowMemory windowMemory) {
        memory = windowMemory == null ? WindowMemory.NONE : windowMemory;
    }

    /**
     * A window with the console's styles and icons, closed by Shortcut+W, over {@code owner} when that
     * is showing (null: a window of its own). A height of -1 sizes it to its content. It is never
     * larger than the screen and grows with the text in presenter mode; its content scrolls when the
     * window is smaller than it.
     */
    public static Stage create(Parent root, double width, double height, String title, Window owner) {
        Stage stage = new Stage();
        Box screen = primaryScreen();
        Box size = sized(width, height < 0 ? screen.height() : height);
        Scene scene = new Scene(new ScrollingContent(root), size.width(), height < 0 ? -1 : size.height());
        stage.setMaxWidth(screen.width());
        stage.setMaxHeight(screen.height());
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

    /** A window of the size a view asks for (larger in presenter mode), shrunk to fit the screen, centred. */
    public static Box sized(double width, double height) {
        double scale = Stylesheets.windowScale();
        return WindowFit.sized(primaryScreen(), width * scale, height * scale);
    }

    /**
     * Opens {@code stage} where the last window of {@code kind} was (kept on a current screen), and
     * remembers where it is when it closes. Call before showing it.
     */
    public static void remember(Stage stage, String kind) {
        recall(kind).ifPresent(box -> {
            stage.setX(box.x());
            stage.setY(box.y());
            stage.setWidth(box.width());
            stage.setHeight(box.height());
            SettledBounds.hold(stage, box);
        });
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> rememberSize(kind, stage));
    }

    /** Remembers where {@code stage} is as the last window of {@code kind} (its size is what the next one reuses). */
    public static void rememberSize(String kind, Stage stage) {
        memory.remember(inMode(kind), new Box(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
    }

    /** The remembered bounds of {@code kind}, moved and shrunk onto a current screen. */
    public static Optional<Box> recall(String kind) {
        List<Box> screens = Screen.getScreens().stream().map(s -> box(s.getVisualBounds())).toList();
        return memory.recall(inMode(kind)).flatMap(box -> WindowFit.keepOn(box, screens));
    }

    /** Presenter mode remembers its own, larger, windows, so switching it off brings back the usual sizes. */
    private static String inMode(String kind) {
        return Stylesheets.isPresenter() ? kind + "-presenter" : kind;
    }

    /** The primary screen's usable area (without task bars). */
    public static Box primaryScreen() {
        return box(Screen.getPrimary().getVisualBounds());
    }

    private static Box box(Rectangle2D bounds) {
        return new Box(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight());
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
