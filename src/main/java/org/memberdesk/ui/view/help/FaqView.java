package org.memberdesk.ui.view.help;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.Stylesheets;

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
        if (open != null && open.isShowing()) {
            open.setIconified(false);
            open.toFront();
            open.requestFocus();
            return;
        }
        Stage stage = new Stage();
        Scene scene = new Scene(new FaqView(messages).root(), 640, 680);
        Stylesheets.apply(scene);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+W"), stage::close);
        stage.setScene(scene);
        stage.setTitle(messages.get("faq.windowTitle"));
        stage.setMinWidth(420);
        stage.setMinHeight(320);
        Stylesheets.decorate(stage);
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
