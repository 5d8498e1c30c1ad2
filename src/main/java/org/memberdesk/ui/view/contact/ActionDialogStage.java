package org.memberdesk.ui.view.contact;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.memberdesk.ui.view.common.ScrollingContent;
import org.memberdesk.ui.view.common.Stylesheets;
import org.memberdesk.ui.view.common.WindowFit;
import org.memberdesk.ui.view.common.Windows;
import org.memberdesk.ui.viewmodel.contact.ActionDialogViewModel;

/** The window of one action dialog: modal over its contact's window, closed once the action went through. */
final class ActionDialogStage {

    private ActionDialogStage() {
    }

    /** Binds what every action dialog shows: title, when to use it, the refusal and the busy indicator. */
    static void bindCommon(ActionDialogViewModel viewModel, Label title, Label whenToUse, Label error,
                           ProgressIndicator busy) {
        title.textProperty().bind(viewModel.titleProperty());
        whenToUse.textProperty().bind(viewModel.whenToUseProperty());
        visibleWhenText(whenToUse);
        error.textProperty().bind(viewModel.errorProperty());
        visibleWhenText(error);
        busy.visibleProperty().bind(viewModel.busyProperty());
    }

    static void visibleWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /**
     * Shows the dialog at a fixed size: texts that arrive later (the address, the hourly count, a
     * refusal) wrap inside it instead of being cut.
     */
    static Stage show(Window owner, Parent root, ActionDialogViewModel viewModel, double width, double height) {
        Stage stage = new Stage();
        WindowFit.Box size = Windows.sized(width, height);
        Scene scene = new Scene(new ScrollingContent(root), size.width(), size.height());
        Stylesheets.apply(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.close();
                event.consume();
            }
        });
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setMinWidth(420);
        stage.setMinHeight(260);
        if (owner != null && owner.isShowing()) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Stylesheets.decorate(stage);
        viewModel.doneProperty().addListener((o, before, done) -> {
            if (done) {
                stage.close();
            }
        });
        stage.show();
        stage.requestFocus();
        return stage;
    }
}
