package org.memberdesk.ui.view.contact;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.FieldMarks;
import org.memberdesk.ui.viewmodel.contact.ContactFormViewModel;
import org.memberdesk.ui.viewmodel.contact.VerificationChoice;

/**
 * New contact / Edit contact: name, email, tags; each wrong field marked, the service's refusal under the form,
 * and under the email a likely typo with one click to take the suggested address.
 */
public final class ContactFormView {

    @FXML private Label titleLabel;
    @FXML private Label whenLabel;
    @FXML private TextField nameField;
    @FXML private TextField emailField;
    @FXML private TextField tagsField;
    @FXML private VBox emailWarningBox;
    @FXML private Label emailWarningLabel;
    @FXML private Hyperlink useSuggestionLink;
    @FXML private VBox verificationBox;
    @FXML private ComboBox<VerificationChoice> verifiedByBox;
    @FXML private TextField verificationNoteField;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button saveButton;
    @FXML private Hyperlink reloadLink;

    private final ContactFormViewModel viewModel;
    private final Messages messages;
    private final Parent root;

    public ContactFormView(ContactFormViewModel viewModel, Messages messages) {
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
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        emailField.textProperty().bindBidirectional(viewModel.emailProperty());
        tagsField.textProperty().bindBidirectional(viewModel.tagsProperty());
        FieldMarks marks = new FieldMarks();
        marks.mark(nameField, viewModel.nameError());
        marks.mark(emailField, viewModel.emailError());
        emailWarningLabel.textProperty().bind(viewModel.emailWarning());
        useSuggestionLink.textProperty().bind(viewModel.useSuggestionText());
        emailWarningBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.emailWarning()));
        emailWarningBox.managedProperty().bind(emailWarningBox.visibleProperty());
        CallerVerificationFields.bind(viewModel.verification(), verifiedByBox, verificationNoteField, messages);
        verificationBox.visibleProperty().bind(Bindings.createBooleanBinding(() -> viewModel.emailChanging().get(),
                viewModel.emailChanging()));
        verificationBox.managedProperty().bind(verificationBox.visibleProperty());
        saveButton.disableProperty().bind(Bindings.not(viewModel.canSave()));
        reloadLink.visibleProperty().bind(viewModel.changedMeanwhileProperty());
        reloadLink.managedProperty().bind(reloadLink.visibleProperty());
    }

    /** Where typing starts. */
    void focusFirstField() {
        nameField.requestFocus();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void useSuggestion() {
        viewModel.useSuggestion();
        emailField.requestFocus();
        emailField.end();
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
