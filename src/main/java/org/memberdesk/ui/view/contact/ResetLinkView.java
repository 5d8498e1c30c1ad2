package org.memberdesk.ui.view.contact;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.ToneStyles;
import org.memberdesk.ui.viewmodel.Tone;
import org.memberdesk.ui.viewmodel.contact.ExpiryChoice;
import org.memberdesk.ui.viewmodel.contact.ResetLinkViewModel;

/** Send Reset Link: the confirmation with address, access and expiry. */
public final class ResetLinkView {

    @FXML private Label titleLabel;
    @FXML private Label whenLabel;
    @FXML private Label recipientLabel;
    @FXML private Label accessLabel;
    @FXML private ComboBox<ExpiryChoice> expiryBox;
    @FXML private Label expiryLabel;
    @FXML private Label limitLabel;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button sendButton;

    private final ResetLinkViewModel viewModel;
    private final Parent root;

    public ResetLinkView(ResetLinkViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        ActionDialogStage.bindCommon(viewModel, titleLabel, whenLabel, errorLabel, busyIndicator);
        recipientLabel.textProperty().bind(viewModel.recipientProperty());
        accessLabel.textProperty().bind(viewModel.accessProperty());
        expiryBox.setItems(viewModel.choices());
        expiryBox.valueProperty().bindBidirectional(viewModel.expiryProperty());
        expiryLabel.textProperty().bind(viewModel.expiryText());
        limitLabel.textProperty().bind(viewModel.limitTextProperty());
        viewModel.allowedProperty().addListener((o, before, allowed) ->
                ToneStyles.apply(limitLabel, allowed ? Tone.NEUTRAL : Tone.BAD));
        sendButton.disableProperty().bind(Bindings.not(viewModel.canSend()));
    }

    @FXML
    private void send() {
        viewModel.send();
    }

    @FXML
    private void cancel() {
        root.getScene().getWindow().hide();
    }
}
