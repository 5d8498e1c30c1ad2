package org.memberdesk.ui.view.contact;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Screen;
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

    /**
     * Makes the dialog taller, after the layout under way, when part of it appeared (a section that
     * shows on demand), as far as its screen allows; beyond that the content scrolls. Only on such a
     * change: a window the agent made smaller stays as it is.
     */
    static void growToFit(Stage stage) {
        Platform.runLater(() -> growNow(stage));
    }

    private static void growNow(Stage stage) {
        Scene scene = stage.getScene();
        double needed = scene.getRoot().prefHeight(scene.getWidth());
        if (needed <= scene.getHeight()) {
            return;
        }
        double frame = stage.getHeight() - scene.getHeight();
        double room = Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds().getMaxY() - stage.getY();
        stage.setHeight(Math.min(needed + frame, Math.max(stage.getHeight(), room)));
    }
}
