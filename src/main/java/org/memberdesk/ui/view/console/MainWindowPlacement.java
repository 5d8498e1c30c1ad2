package org.memberdesk.ui.view.console;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.memberdesk.ui.view.common.SettledBounds;
import org.memberdesk.ui.view.common.WindowFit;
import org.memberdesk.ui.view.common.WindowFit.Box;

/**
 * Sizes the main window to the screens there are now (the remembered place when it still fits,
 * else most of the primary screen) and keeps its normal bounds, so a maximised window is
 * remembered with the size it returns to.
 */
public final class MainWindowPlacement {

    private final Stage stage;
    private Box normal;

    private MainWindowPlacement(Stage stage, Box normal) {
        this.stage = stage;
        this.normal = normal;
    }

    /** Places a stage that has not shown yet; call on the FX thread. */
    public static MainWindowPlacement place(Stage stage, Optional<Box> remembered, boolean maximized) {
        List<Box> screens = Screen.getScreens().stream().map(screen -> box(screen.getVisualBounds())).toList();
        Box primary = box(Screen.getPrimary().getVisualBounds());
        Box fitted = WindowFit.fit(remembered, screens, primary);
        Box minimum = WindowFit.minimumFor(primary);
        stage.setMinWidth(minimum.width());
        stage.setMinHeight(minimum.height());
        stage.setX(fitted.x());
        stage.setY(fitted.y());
        stage.setWidth(fitted.width());
        stage.setHeight(fitted.height());
        stage.setMaximized(remembered.isPresent() && maximized);
        SettledBounds.hold(stage, fitted);
        MainWindowPlacement placement = new MainWindowPlacement(stage, fitted);
        stage.xProperty().addListener(o -> placement.noteNormalBounds());
        stage.yProperty().addListener(o -> placement.noteNormalBounds());
        stage.widthProperty().addListener(o -> placement.noteNormalBounds());
        stage.heightProperty().addListener(o -> placement.noteNormalBounds());
        return placement;
    }

    /** The window's bounds when not maximised, to remember. */
    public Box normalBounds() {
        return normal;
    }

    public boolean maximized() {
        return stage.isMaximized();
    }

    private void noteNormalBounds() {
        if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
            normal = new Box(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
    }

    private static Box box(Rectangle2D bounds) {
        return new Box(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight());
    }
}
