package org.memberdesk.ui.view.mail;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.view.common.WholeText;
import org.memberdesk.ui.viewmodel.mail.LoginEmailsViewModel;

/** Send login email… for many: how many get a link and who is skipped, Send, the progress and the summary. */
public final class LoginEmailsView {

    private final VBox root;
    private final Button send;

    public LoginEmailsView(LoginEmailsViewModel viewModel, Messages messages, Runnable close) {
        Label when = WholeText.wrappingText(messages.get("loginEmails.when"));
        when.getStyleClass().add("when-to-use");
        Label preview = WholeText.wrappingText("");
        preview.setId("loginEmailsPreview");
        preview.textProperty().bind(viewModel.previewProperty());
        preview.getStyleClass().add("text-bold");
        Label skippedHeading = new Label(messages.get("loginEmails.skipped"));
        ListView<String> skipped = new ListView<>(viewModel.skipped());
        skipped.setId("loginEmailsSkipped");
        skipped.setPrefHeight(120);
        VBox.setVgrow(skipped, Priority.ALWAYS);
        for (var node : new javafx.scene.Node[] {skippedHeading, skipped}) {
            node.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.skipped()));
            node.managedProperty().bind(node.visibleProperty());
        }
        ProgressBar bar = new ProgressBar();
        bar.setId("loginEmailsProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.visibleProperty().bind(viewModel.runningProperty().or(viewModel.finishedProperty()));
        bar.managedProperty().bind(bar.visibleProperty());
        Label summary = WholeText.wrappingText("");
        summary.setId("loginEmailsSummary");
        summary.textProperty().bind(viewModel.summaryProperty());
        Label error = WholeText.wrappingText("");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(viewModel.errorProperty());
        send = new Button(messages.get("loginEmails.send"));
        send.setId("sendLoginEmails");
        send.setDefaultButton(true);
        send.getStyleClass().add("accent");
        send.disableProperty().bind(viewModel.readyProperty().not().or(viewModel.runningProperty())
                .or(viewModel.finishedProperty()));
        send.setOnAction(event -> viewModel.send());

        Button closeButton = new Button(messages.get("loginEmails.close"));
        closeButton.setCancelButton(true);
        // Esc closes; kept out of the focus order so that Enter, whatever has the focus, sends
        closeButton.setFocusTraversable(false);
        closeButton.setOnAction(event -> close.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox footer = new HBox(10, gap, closeButton, send);
        footer.setAlignment(Pos.CENTER_RIGHT);
        root = new VBox(10, when, preview, skippedHeading, skipped, bar, summary, error, footer);
        root.setPadding(new Insets(18));
        root.getStyleClass().add("settings-page");
    }

    /** Send takes the first focus, so Enter sends (Close, first in the row, would take it and the key). */
    public void focusSend() {
        send.requestFocus();
    }

    public Parent root() {
        return root;
    }
}
