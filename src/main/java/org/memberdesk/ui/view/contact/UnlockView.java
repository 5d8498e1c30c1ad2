package org.memberdesk.ui.view.contact;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.viewmodel.contact.UnlockViewModel;
import org.memberdesk.ui.viewmodel.contact.VerificationChoice;

/** Unlock: which login of whom, and how the caller was verified. */
public final class UnlockView {

    @FXML private Label titleLabel;
    @FXML private Label whenLabel;
    @FXML private Label questionLabel;
    @FXML private ComboBox<VerificationChoice> verifiedByBox;
    @FXML private TextField verificationNoteField;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button unlockButton;

    private final UnlockViewModel viewModel;
    private final Messages messages;
    private final Parent root;

    public UnlockView(UnlockViewModel viewModel, Messages messages) {
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
        questionLabel.textProperty().bind(viewModel.questionProperty());
        CallerVerificationFields.bind(viewModel.verification(), verifiedByBox, verificationNoteField, messages);
        unlockButton.disableProperty().bind(Bindings.not(viewModel.canUnlock()));
    }

    @FXML
    private void unlock() {
        viewModel.unlock();
    }

    @FXML
    private void cancel() {
        root.getScene().getWindow().hide();
    }
}
