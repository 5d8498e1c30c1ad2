package org.memberdesk.ui.view.common;

import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.memberdesk.ui.view.common.WindowFit.Box;

/**
 * Keeps a freshly shown window at the bounds it was placed at while the platform settles it. Under
 * some Linux window managers (openbox among them) JavaFX 21's GTK windows are resized by the
 * platform right after they show, to 200×200 or to their minimum size (JDK-8316423, fixed in
 * JavaFX 22, which needs a newer Java than ours). Such a resize by the platform in the first
 * moments is undone; a resize by code, and any resize after that, is left alone.
 */
public final class SettledBounds {

    static final Duration SETTLING = Duration.millis(1500);
    private static final Duration UNDO_AFTER = Duration.millis(100);
    private static final double TOLERANCE = 8;
    private static final int MAX_UNDOS = 3;
    private static final String PLATFORM_ENTRY = "com.sun.javafx.stage.WindowHelper";

    private final Stage stage;
    private final Box intended;
    private final PauseTransition undo = new PauseTransition(UNDO_AFTER);
    private final InvalidationListener watcher = o -> moved();
    private boolean settling;
    private int undos;

    private SettledBounds(Stage stage, Box intended) {
        this.stage = stage;
        this.intended = intended;
        undo.setOnFinished(e -> apply());
    }

    /** Holds {@code stage}, not yet shown, at {@code intended} for a moment once it shows. */
    public static void hold(Stage stage, Box intended) {
        hold(stage, intended, SETTLING);
    }

    static void hold(Stage stage, Box intended, Duration settling) {
        SettledBounds bounds = new SettledBounds(stage, intended);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> bounds.watch(settling));
    }

    private void watch(Duration settling) {
        settling(true);
        PauseTransition end = new PauseTransition(settling);
        end.setOnFinished(e -> settling(false));
        end.play();
    }

    private void settling(boolean on) {
        settling = on;
        if (on) {
            stage.widthProperty().addListener(watcher);
            stage.heightProperty().addListener(watcher);
        } else {
            stage.widthProperty().removeListener(watcher);
            stage.heightProperty().removeListener(watcher);
        }
    }

    private void moved() {
        if (settling && undos < MAX_UNDOS && !stage.isMaximized() && !stage.isFullScreen() && off() && byPlatform()) {
            undo.playFromStart();
        }
    }

    /** The native window reported a new size (rather than code asking for one): JavaFX's own entry for that is on the stack. */
    private static boolean byPlatform() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame ->
                PLATFORM_ENTRY.equals(frame.getClassName()) && "notifySizeChanged".equals(frame.getMethodName())));
    }

    private boolean off() {
        return Math.abs(stage.getWidth() - intended.width()) > TOLERANCE
                || Math.abs(stage.getHeight() - intended.height()) > TOLERANCE;
    }

    private void apply() {
        if (!settling || !off() || stage.isMaximized()) {
            return;
        }
        undos++;
        stage.setX(intended.x());
        stage.setY(intended.y());
        stage.setWidth(intended.width());
        stage.setHeight(intended.height());
    }
}
