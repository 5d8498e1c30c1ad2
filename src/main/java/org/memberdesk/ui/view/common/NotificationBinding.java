package org.memberdesk.ui.view.common;

import javafx.application.Platform;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Shows a view model's one-off message as a notification over the window that holds {@code anchor}
 * (once that window shows), then lets the view model forget it, so the same text can come again.
 */
public final class NotificationBinding {

    private NotificationBinding() {
    }

    public static void bind(Node anchor, ObservableStringValue message, Runnable dismiss) {
        ObservableValue<Window> shownWindow = anchor.sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(window -> window.showingProperty().map(showing -> showing ? window : null));
        Runnable showPending = () -> {
            String text = message.get();
            Window window = shownWindow.getValue();
            if (text == null || text.isEmpty() || window == null) {
                return;
            }
            Notices.show(window, text);
            // Not while the message's listeners run; a newer message stays.
            Platform.runLater(() -> {
                if (text.equals(message.get())) {
                    dismiss.run();
                }
            });
        };
        message.addListener((o, before, now) -> showPending.run());
        shownWindow.addListener((o, before, now) -> showPending.run());
        showPending.run();
    }
}
