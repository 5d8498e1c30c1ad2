package org.memberdesk.ui.view.contact;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.FieldMarks;
import org.memberdesk.ui.view.common.ToneStyles;
import org.memberdesk.ui.viewmodel.Tone;
import org.memberdesk.ui.viewmodel.contact.ChangePasswordViewModel;
import org.memberdesk.ui.viewmodel.contact.VerificationChoice;

/** Change Password: typed twice or generated, checked as it is typed, copied, optionally notified. */
public final class ChangePasswordView {

    @FXML private ComboBox<VerificationChoice> verifiedByBox;
    @FXML private TextField verificationNoteField;
    @FXML private Label titleLabel;
    @FXML private Label whenLabel;
    @FXML private PasswordField passwordField;
    @FXML private TextField passwordText;
    @FXML private PasswordField confirmField;
    @FXML private TextField confirmText;
    @FXML private CheckBox revealBox;
    @FXML private Button generateButton;
    @FXML private Button copyButton;
    @FXML private Label feedbackLabel;
    @FXML private Label copiedLabel;
    @FXML private CheckBox notifyBox;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button saveButton;
    @FXML private Hyperlink reloadLink;

    private final ChangePasswordViewModel viewModel;
    private final Messages messages;
    private final Parent root;

    public ChangePasswordView(ChangePasswordViewModel viewModel, Messages messages) {
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
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        passwordText.textProperty().bindBidirectional(viewModel.passwordProperty());
        confirmField.textProperty().bindBidirectional(viewModel.confirmationProperty());
        confirmText.textProperty().bindBidirectional(viewModel.confirmationProperty());
        revealBox.selectedProperty().bindBidirectional(viewModel.revealedProperty());
        showOne(passwordText, passwordField);
        showOne(confirmText, confirmField);
        viewModel.revealedProperty().addListener((o, before, shown) -> {
            if (passwordField.isFocused() || passwordText.isFocused()) {
                (shown ? passwordText : passwordField).requestFocus();
            }
        });
        notifyBox.selectedProperty().bindBidirectional(viewModel.sendNotificationProperty());
        CallerVerificationFields.bind(viewModel.verification(), verifiedByBox, verificationNoteField, messages);
        generateButton.setTooltip(new Tooltip(messages.get("changePassword.generate.tooltip")));
        copyButton.setTooltip(new Tooltip(messages.get("changePassword.copy.tooltip")));
        copyButton.disableProperty().bind(viewModel.passwordProperty().isEmpty());
        feedbackLabel.textProperty().bind(viewModel.feedback());
        ObservableBooleanValue acceptable = viewModel.acceptable();
        acceptable.addListener((o, before, now) -> ToneStyles.apply(feedbackLabel, now ? Tone.GOOD : Tone.NEUTRAL));
        FieldMarks marks = new FieldMarks();
        marks.mark(passwordField, viewModel.passwordError());
        marks.mark(passwordText, viewModel.passwordError());
        marks.mark(confirmField, viewModel.confirmationError());
        marks.mark(confirmText, viewModel.confirmationError());
        copiedLabel.textProperty().bind(viewModel.copiedTextProperty());
        ActionDialogStage.visibleWhenText(copiedLabel);
        saveButton.disableProperty().bind(Bindings.not(viewModel.canSave()));
        reloadLink.visibleProperty().bind(viewModel.changedMeanwhileProperty());
        reloadLink.managedProperty().bind(reloadLink.visibleProperty());
    }

    private void showOne(TextField clear, PasswordField hidden) {
        clear.visibleProperty().bind(viewModel.revealedProperty());
        hidden.visibleProperty().bind(viewModel.revealedProperty().not());
    }

    @FXML
    private void generate() {
        viewModel.generate();
    }

    @FXML
    private void copy() {
        viewModel.copy();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    @FXML
    private void cancel() {
        root.getScene().getWindow().hide();
    }
}
