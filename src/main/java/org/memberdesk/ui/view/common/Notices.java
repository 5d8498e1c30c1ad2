package org.memberdesk.ui.view.common;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/** A short message that pops up in the lower right corner of a window and hides itself after a while. */
public final class Notices {

    private static final Duration SHOWN_FOR = Duration.seconds(8);

    private Notices() {
    }

    /** Shows {@code text} over {@code owner}, with a button for each action. On the FX thread. */
    public static void show(Window owner, String text, Action... actions) {
        Notifications notice = Notifications.create()
                .owner(owner)
                .text(text)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN_FOR)
                .action(actions);
        if (Stylesheets.isDark()) {
            notice.darkStyle();
        }
        notice.show();
    }
}
