package org.memberdesk.ui.view;

import impl.org.controlsfx.skin.NotificationBar;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javafx.scene.Node;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** The ControlsFX notifications showing over a window, as the agent sees them pop up. */
public final class ShownNotices {

    private ShownNotices() {
    }

    /** The texts of the notifications over the window that holds {@code node}, oldest first. */
    public static List<String> over(Node node) {
        return over(node.getScene().getWindow());
    }

    public static List<String> over(Window owner) {
        return bars(owner).stream().map(NotificationBar::getText).toList();
    }

    /** The notifications over {@code owner}, oldest first. */
    public static List<NotificationBar> bars(Window owner) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                    .filter(window -> window instanceof PopupWindow popup && popup.getOwnerWindow() == owner
                            && popup.isShowing())
                    .flatMap(window -> window.getScene().getRoot().lookupAll(".notification-bar").stream())
                    .map(NotificationBar.class::cast)
                    .toList()).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
