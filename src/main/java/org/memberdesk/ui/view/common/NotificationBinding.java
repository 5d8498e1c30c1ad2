package org.memberdesk.ui.view.common;

import atlantafx.base.controls.Notification;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableStringValue;
import javafx.util.Duration;

/** Shows a view model's one-off message in a notification that hides itself after a while. */
public final class NotificationBinding {

    private static final Duration SHOWN_FOR = Duration.seconds(8);

    private NotificationBinding() {
    }

    public static void bind(Notification notification, ObservableStringValue message, Runnable dismiss) {
        notification.messageProperty().bind(message);
        notification.visibleProperty().bind(notification.messageProperty().isNotEmpty());
        notification.managedProperty().bind(notification.visibleProperty());
        notification.setOnClose(event -> dismiss.run());
        PauseTransition autoHide = new PauseTransition(SHOWN_FOR);
        autoHide.setOnFinished(event -> dismiss.run());
        message.addListener((o, before, now) -> {
            if (now != null && !now.isEmpty()) {
                autoHide.playFromStart();
            }
        });
    }
}
