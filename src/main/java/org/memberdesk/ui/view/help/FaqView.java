package org.memberdesk.ui.view.help;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.Windows;

/** Help → Credential FAQ: which of the four ways in to use when, and the questions agents ask. Static text. */
public final class FaqView {

    private static Stage open;

    private final Parent root;

    public FaqView(Messages messages) {
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    /** Shows the FAQ window, or brings the open one to the front. */
    public static void show(Messages messages) {
        if (Windows.bringToFront(open)) {
            return;
        }
        Stage stage = Windows.create(new FaqView(messages).root(), 640, 680, messages.get("faq.windowTitle"), null);
        Windows.remember(stage, "faq");
        stage.setMinWidth(420);
        stage.setMinHeight(320);
        stage.setOnHidden(event -> open = null);
        open = stage;
        stage.show();
        stage.requestFocus();
    }

    /** The main window is closing: the FAQ goes with it (an open window would keep the app running). */
    public static void closeIfOpen() {
        if (open != null) {
            open.close();
        }
    }

    @FXML
    private void close() {
        root.getScene().getWindow().hide();
    }
}
