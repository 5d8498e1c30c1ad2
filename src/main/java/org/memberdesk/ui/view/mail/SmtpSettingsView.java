package org.memberdesk.ui.view.mail;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.FieldMarks;
import org.memberdesk.ui.view.common.ToneStyles;
import org.memberdesk.ui.viewmodel.Tone;
import org.memberdesk.ui.viewmodel.mail.BounceMailboxViewModel;
import org.memberdesk.ui.viewmodel.mail.SecurityChoice;
import org.memberdesk.ui.viewmodel.mail.SmtpSettingsViewModel;
import org.memberdesk.ui.viewmodel.mail.SmtpSettingsViewModel.Field;

/** The Email (SMTP) settings dialog: binds the form, its checks and the outcomes to the view model. */
public final class SmtpSettingsView {

    @FXML private ScrollPane settingsScroll;
    @FXML private Label modeLabel;
    @FXML private VBox warningsBox;
    @FXML private TextField hostField;
    @FXML private Label hostEnvBadge;
    @FXML private ComboBox<SecurityChoice> securityBox;
    @FXML private Label securityEnvBadge;
    @FXML private TextField portField;
    @FXML private Label portEnvBadge;
    @FXML private TextField fromField;
    @FXML private Label fromEnvBadge;
    @FXML private TextField userField;
    @FXML private Label userEnvBadge;
    @FXML private PasswordField passwordField;
    @FXML private Label passwordEnvBadge;
    @FXML private CheckBox removePasswordBox;
    @FXML private Label environmentNote;
    @FXML private TextField portalUrlField;
    @FXML private Label portalUrlEnvBadge;
    @FXML private Label portalUrlNote;
    @FXML private TextField testRecipientField;
    @FXML private Button testButton;
    @FXML private Label testHint;
    @FXML private Label testOutcomeLabel;
    @FXML private Label testReplyLabel;
    @FXML private Label outcomeLabel;
    @FXML private Button removeButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label busyLabel;
    @FXML private Button saveButton;
    @FXML private Hyperlink reloadLink;
    @FXML private VBox bounceSection;
    @FXML private TextField bounceHostField;
    @FXML private ComboBox<SecurityChoice> bounceSecurityBox;
    @FXML private TextField bouncePortField;
    @FXML private TextField bounceUserField;
    @FXML private PasswordField bouncePasswordField;
    @FXML private TextField bouncePollField;
    @FXML private Button bounceSaveButton;
    @FXML private Button bounceCheckButton;
    @FXML private Button bounceRemoveButton;
    @FXML private Label bounceOutcomeLabel;

    private final SmtpSettingsViewModel viewModel;
    private final Messages messages;
    private final Parent root;

    public SmtpSettingsView(SmtpSettingsViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        modeLabel.textProperty().bind(viewModel.modeTextProperty());
        viewModel.warnings().addListener((ListChangeListener<String>) change -> showWarnings());
        showWarnings();

        FieldMarks marks = new FieldMarks();
        field(hostField, viewModel.hostProperty(), Field.HOST, hostEnvBadge);
        marks.mark(hostField, viewModel.hostError());
        field(portField, viewModel.portProperty(), Field.PORT, portEnvBadge);
        portField.promptTextProperty().bind(viewModel.portPrompt());
        marks.mark(portField, viewModel.portError());
        field(fromField, viewModel.fromProperty(), Field.FROM, fromEnvBadge);
        marks.mark(fromField, viewModel.fromError());
        field(userField, viewModel.userProperty(), Field.USER, userEnvBadge);
        field(passwordField, viewModel.passwordProperty(), Field.PASSWORD, passwordEnvBadge);
        passwordField.promptTextProperty().bind(viewModel.passwordPrompt());
        passwordField.disableProperty().bind(viewModel.removePasswordProperty()
                .or(viewModel.fromEnvironmentProperty(Field.PASSWORD)).or(viewModel.busyProperty()));
        removePasswordBox.selectedProperty().bindBidirectional(viewModel.removePasswordProperty());
        removePasswordBox.visibleProperty().bind(viewModel.passwordStoredProperty()
                .and(viewModel.fromEnvironmentProperty(Field.PASSWORD).not()));
        removePasswordBox.managedProperty().bind(removePasswordBox.visibleProperty());
        securityBox.setItems(viewModel.securityChoices());
        securityBox.valueProperty().bindBidirectional(viewModel.securityProperty());
        securityBox.disableProperty().bind(viewModel.fromEnvironmentProperty(Field.SECURITY));
        badge(securityEnvBadge, Field.SECURITY);
        environmentNote.textProperty().bind(viewModel.environmentNoteProperty());
        visibleWhenText(environmentNote);

        field(portalUrlField, viewModel.portalUrlProperty(), Field.PORTAL_URL, portalUrlEnvBadge);
        marks.mark(portalUrlField, viewModel.portalUrlError());
        portalUrlNote.textProperty().bind(viewModel.portalUrlNoteProperty());

        testRecipientField.textProperty().bindBidirectional(viewModel.testRecipientProperty());
        testButton.disableProperty().bind(Bindings.not(viewModel.canSendTest()));
        marks.mark(testRecipientField, Bindings.createStringBinding(
                () -> testRecipientField.getText() == null || testRecipientField.getText().isBlank()
                        ? "" : viewModel.testRecipientError().get(),
                viewModel.testRecipientError(), testRecipientField.textProperty()));
        testHint.textProperty().bind(Bindings.when(viewModel.dirtyProperty())
                .then(messages.get("smtp.test.saveFirst")).otherwise(messages.get("smtp.test.hint")));
        testOutcomeLabel.textProperty().bind(viewModel.testOutcomeProperty());
        // The outcome shows under the test section, at the end of the form: bring it into view.
        viewModel.testOutcomeProperty().addListener((o, before, now) -> scrollToEnd(now));
        viewModel.testReplyProperty().addListener((o, before, now) -> scrollToEnd(now));
        visibleWhenText(testOutcomeLabel);
        viewModel.testToneProperty().addListener((o, before, tone) -> ToneStyles.apply(testOutcomeLabel, tone));
        testReplyLabel.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.testReplyProperty().get().isEmpty() ? ""
                        : messages.get("smtp.test.reply", viewModel.testReplyProperty().get()),
                viewModel.testReplyProperty()));
        visibleWhenText(testReplyLabel);

        outcomeLabel.textProperty().bind(viewModel.outcomeProperty());
        visibleWhenText(outcomeLabel);
        viewModel.outcomeToneProperty().addListener((o, before, tone) -> ToneStyles.apply(outcomeLabel, tone));
        ToneStyles.apply(outcomeLabel, viewModel.outcomeToneProperty().get());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        busyLabel.textProperty().bind(viewModel.busyTextProperty());
        saveButton.disableProperty().bind(Bindings.not(viewModel.canSave()));
        removeButton.disableProperty().bind(viewModel.busyProperty());
        removeButton.visibleProperty().bind(viewModel.smtpStoredProperty());
        removeButton.setTooltip(new Tooltip(messages.get("smtp.remove.tooltip")));
        reloadLink.visibleProperty().bind(viewModel.changedMeanwhileProperty());
        reloadLink.managedProperty().bind(reloadLink.visibleProperty());
        reloadLink.disableProperty().bind(viewModel.busyProperty());
        bindBounceMailbox(viewModel.bounceMailbox());
    }

    private void bindBounceMailbox(BounceMailboxViewModel bounces) {
        bounceSection.setVisible(bounces != null);
        bounceSection.setManaged(bounces != null);
        if (bounces == null) {
            return;
        }
        bounceHostField.textProperty().bindBidirectional(bounces.hostProperty());
        bounceSecurityBox.setItems(bounces.securityChoices());
        bounceSecurityBox.valueProperty().bindBidirectional(bounces.securityProperty());
        bouncePortField.textProperty().bindBidirectional(bounces.portProperty());
        bounceUserField.textProperty().bindBidirectional(bounces.userProperty());
        bouncePasswordField.textProperty().bindBidirectional(bounces.passwordProperty());
        bouncePasswordField.promptTextProperty().bind(Bindings.when(bounces.passwordStoredProperty())
                .then(messages.get("bounces.password.keep")).otherwise(""));
        bouncePollField.textProperty().bindBidirectional(bounces.pollMinutesProperty());
        for (Node input : new Node[] {bounceHostField, bounceSecurityBox, bouncePortField,
                bounceUserField, bouncePasswordField, bouncePollField, bounceSaveButton}) {
            input.disableProperty().bind(bounces.busyProperty());
        }
        bounceCheckButton.disableProperty().bind(bounces.busyProperty().or(bounces.configuredProperty().not()));
        bounceRemoveButton.visibleProperty().bind(bounces.configuredProperty());
        bounceRemoveButton.disableProperty().bind(bounces.busyProperty());
        bounceOutcomeLabel.textProperty().bind(bounces.outcomeProperty());
        visibleWhenText(bounceOutcomeLabel);
        bounces.outcomeToneProperty().addListener((o, before, tone) -> ToneStyles.apply(bounceOutcomeLabel, tone));
    }

    private void scrollToEnd(String shown) {
        if (shown == null || shown.isEmpty()) {
            return;
        }
        Platform.runLater(() -> {
            settingsScroll.applyCss();
            settingsScroll.layout();
            settingsScroll.setVvalue(settingsScroll.getVmin());
            settingsScroll.setVvalue(settingsScroll.getVmax());
        });
    }

    private void field(TextInputControl input, StringProperty value, Field field, Label envBadge) {
        input.textProperty().bindBidirectional(value);
        input.editableProperty().bind(viewModel.fromEnvironmentProperty(field).not());
        input.disableProperty().bind(viewModel.busyProperty());
        badge(envBadge, field);
        viewModel.fromEnvironmentProperty(field).addListener((o, before, fromEnv) -> {
            input.getStyleClass().remove("from-environment");
            if (fromEnv) {
                input.getStyleClass().add("from-environment");
            }
        });
    }

    private void badge(Label badge, Field field) {
        badge.visibleProperty().bind(viewModel.fromEnvironmentProperty(field));
        badge.managedProperty().bind(badge.visibleProperty());
        badge.setTooltip(new Tooltip(messages.get("smtp.fromEnvironment.tooltip", field.variable())));
    }

    private static void visibleWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void showWarnings() {
        warningsBox.getChildren().setAll(viewModel.warnings().stream().map(text -> {
            Label warning = new Label(text);
            warning.setWrapText(true);
            warning.getStyleClass().add("warning-box");
            ToneStyles.apply(warning, Tone.CAUTION);
            return warning;
        }).toList());
        warningsBox.setVisible(!viewModel.warnings().isEmpty());
        warningsBox.setManaged(warningsBox.isVisible());
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void sendTestEmail() {
        viewModel.sendTestEmail();
    }

    @FXML
    private void removeSmtpSettings() {
        viewModel.removeSmtpSettings();
    }

    @FXML
    private void saveBounceMailbox() {
        viewModel.bounceMailbox().save();
    }

    @FXML
    private void checkBounces() {
        viewModel.bounceMailbox().checkNow();
    }

    @FXML
    private void removeBounceMailbox() {
        viewModel.bounceMailbox().remove();
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    @FXML
    private void close() {
        root.getScene().getWindow().hide();
    }
}
