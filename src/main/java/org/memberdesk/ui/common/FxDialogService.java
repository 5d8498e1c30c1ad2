package org.memberdesk.ui.common;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Dialogs as JavaFX alerts over the console's window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String question, String details, String acceptLabel, String declineLabel) {
        ButtonType accept = new ButtonType(acceptLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType decline = new ButtonType(declineLabel, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, details, accept, decline);
        prepare(alert, title, question);
        return alert.showAndWait().filter(accept::equals).isPresent();
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        prepare(alert, title, title);
        alert.showAndWait();
    }

    private void prepare(Alert alert, String title, String header) {
        alert.setTitle(title);
        alert.setHeaderText(header);
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            alert.initOwner(window);
        }
    }
}
