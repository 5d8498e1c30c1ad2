package org.memberdesk.ui.view.contact;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.ToneStyles;
import org.memberdesk.ui.viewmodel.Tone;
import org.memberdesk.ui.viewmodel.contact.ExpiryChoice;
import org.memberdesk.ui.viewmodel.contact.ResetLinkViewModel;
import org.memberdesk.ui.viewmodel.contact.VerificationChoice;

/** Send Reset Link: the confirmation with address, access and expiry. */
public final class ResetLinkView {

    @FXML private Label titleLabel;
    @FXML private Label whenLabel;
    @FXML private Label recipientLabel;
    @FXML private Label accessLabel;
    @FXML private ComboBox<ExpiryChoice> expiryBox;
    @FXML private ComboBox<VerificationChoice> verifiedByBox;
    @FXML private TextField verificationNoteField;
    @FXML private Label expiryLabel;
    @FXML private Label limitLabel;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button sendButton;
    @FXML private Button pasteButton;
    @FXML private VBox pastedBox;
    @FXML private TextField pastedField;
    @FXML private Label pastedNoteLabel;
    @FXML private Button codeButton;
    @FXML private VBox codeBox;
    @FXML private Label codeLabel;
    @FXML private Label codeNoteLabel;

    private final ResetLinkViewModel viewModel;
    private final Messages messages;
    private final Parent root;

    public ResetLinkView(ResetLinkViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
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
        CallerVerificationFields.bind(viewModel.verification(), verifiedByBox, verificationNoteField, messages);
        pasteButton.disableProperty().bind(Bindings.not(viewModel.canHandOut()));
        codeButton.disableProperty().bind(Bindings.not(viewModel.canHandOut()));
        codeLabel.textProperty().bind(viewModel.codeProperty());
        codeNoteLabel.textProperty().bind(viewModel.codeNoteProperty());
        codeBox.visibleProperty().bind(viewModel.codeProperty().isNotEmpty());
        codeBox.managedProperty().bind(codeBox.visibleProperty());
        pastedField.textProperty().bind(viewModel.pastedLinkProperty());
        pastedNoteLabel.textProperty().bind(viewModel.pastedNoteProperty());
        pastedBox.visibleProperty().bind(viewModel.pastedLinkProperty().isNotEmpty());
        pastedBox.managedProperty().bind(pastedBox.visibleProperty());
        viewModel.pastedLinkProperty().addListener((o, before, link) -> {
            if (!link.isEmpty()) {
                pastedField.requestFocus();
                pastedField.selectAll();
            }
        });
    }

    @FXML
    private void paste() {
        viewModel.makeLinkToPaste();
    }

    @FXML
    private void code() {
        viewModel.makeCodeToReadOut();
    }

    @FXML
    private void copy() {
        viewModel.copyLink();
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
