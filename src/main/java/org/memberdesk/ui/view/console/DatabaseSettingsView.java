package org.memberdesk.ui.view.console;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.FieldMarks;
import org.memberdesk.ui.view.common.ToneStyles;
import org.memberdesk.ui.viewmodel.console.DatabaseSettingsViewModel;

/** Settings → Database: binds the choice, the server's URL and password, Test connection and Save. */
public final class DatabaseSettingsView {

    @FXML private Label inUseLabel;
    @FXML private Label environmentNote;
    @FXML private RadioButton ownChoice;
    @FXML private RadioButton sharedChoice;
    @FXML private TextField urlField;
    @FXML private PasswordField passwordField;
    @FXML private Button testButton;
    @FXML private Label testOutcomeLabel;
    @FXML private Label outcomeLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label busyLabel;
    @FXML private Button saveButton;

    private final DatabaseSettingsViewModel viewModel;
    private final Messages messages;
    private final Parent root;

    public DatabaseSettingsView(DatabaseSettingsViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    /** Puts the cursor where the agent starts: the URL when a server is chosen, else the choice. */
    public void focusFirstField() {
        if (viewModel.sharedProperty().get()) {
            urlField.requestFocus();
        } else {
            ownChoice.requestFocus();
        }
    }

    @FXML
    private void initialize() {
        inUseLabel.textProperty().bind(viewModel.inUseProperty());
        visibleWhenText(inUseLabel);
        environmentNote.textProperty().bind(viewModel.environmentNoteProperty());
        visibleWhenText(environmentNote);

        sharedChoice.selectedProperty().bindBidirectional(viewModel.sharedProperty());
        ownChoice.setSelected(!viewModel.sharedProperty().get());
        viewModel.sharedProperty().addListener((o, before, shared) -> ownChoice.setSelected(!shared));
        ownChoice.disableProperty().bind(viewModel.busyProperty());
        sharedChoice.disableProperty().bind(viewModel.busyProperty());

        urlField.textProperty().bindBidirectional(viewModel.urlProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        for (TextInputControl field : List.of(urlField, passwordField)) {
            field.disableProperty().bind(viewModel.sharedProperty().not().or(viewModel.busyProperty()));
        }
        passwordField.promptTextProperty().bind(Bindings.when(viewModel.passwordStoredProperty())
                .then(messages.get("database.password.keep")).otherwise(messages.get("database.password.none")));
        new FieldMarks().mark(urlField, viewModel.urlErrorProperty());

        testButton.disableProperty().bind(Bindings.not(viewModel.canTest()));
        testOutcomeLabel.textProperty().bind(viewModel.testOutcomeProperty());
        visibleWhenText(testOutcomeLabel);
        viewModel.testToneProperty().addListener((o, before, tone) -> ToneStyles.apply(testOutcomeLabel, tone));

        outcomeLabel.textProperty().bind(viewModel.outcomeProperty());
        visibleWhenText(outcomeLabel);
        viewModel.outcomeToneProperty().addListener((o, before, tone) -> ToneStyles.apply(outcomeLabel, tone));
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        busyLabel.textProperty().bind(viewModel.busyTextProperty());
        saveButton.disableProperty().bind(Bindings.not(viewModel.canSave()));
    }

    private static void visibleWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void testConnection() {
        viewModel.testConnection();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void close() {
        root.getScene().getWindow().hide();
    }
}
