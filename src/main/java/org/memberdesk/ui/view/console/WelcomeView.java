package org.memberdesk.ui.view.console;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.viewmodel.console.WelcomeViewModel;

/** The first-run welcome: the agent's name, then demo data, the mail server or an empty start. */
public final class WelcomeView {

    @FXML private Label agentNameLabel;
    @FXML private TextField agentNameField;
    @FXML private Label errorLabel;
    @FXML private Button demoButton;
    @FXML private Label demoDetails;
    @FXML private Button mailButton;
    @FXML private Hyperlink emptyLink;

    private final WelcomeViewModel viewModel;
    private final Parent root;

    public WelcomeView(WelcomeViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    public void focusName() {
        agentNameField.requestFocus();
        agentNameField.selectAll();
    }

    @FXML
    private void initialize() {
        agentNameLabel.setLabelFor(agentNameField);
        agentNameField.textProperty().bindBidirectional(viewModel.agentNameProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        demoButton.visibleProperty().bind(viewModel.demoAvailableProperty());
        demoButton.managedProperty().bind(demoButton.visibleProperty());
        demoDetails.visibleProperty().bind(viewModel.demoAvailableProperty());
        demoDetails.managedProperty().bind(demoDetails.visibleProperty());
        demoButton.disableProperty().bind(viewModel.busyProperty());
        mailButton.disableProperty().bind(viewModel.busyProperty());
        emptyLink.disableProperty().bind(viewModel.busyProperty());
    }

    @FXML
    private void tryDemo() {
        viewModel.tryDemo();
    }

    @FXML
    private void connectMail() {
        viewModel.connectMail();
    }

    @FXML
    private void startEmpty() {
        viewModel.startEmpty();
    }
}
