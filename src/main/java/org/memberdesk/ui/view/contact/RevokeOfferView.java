package org.memberdesk.ui.view.contact;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.viewmodel.contact.RevokeOfferViewModel;

/** Revoke: the question and a reason. */
public final class RevokeOfferView {

    @FXML private Label titleLabel;
    @FXML private Label whenLabel;
    @FXML private Label questionLabel;
    @FXML private TextField reasonField;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button revokeButton;

    private final RevokeOfferViewModel viewModel;
    private final Parent root;

    public RevokeOfferView(RevokeOfferViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        ActionDialogStage.bindCommon(viewModel, titleLabel, whenLabel, errorLabel, busyIndicator);
        questionLabel.textProperty().bind(viewModel.questionProperty());
        reasonField.textProperty().bindBidirectional(viewModel.reasonProperty());
        revokeButton.disableProperty().bind(viewModel.busyProperty());
    }

    @FXML
    private void revoke() {
        viewModel.revoke();
    }

    @FXML
    private void cancel() {
        root.getScene().getWindow().hide();
    }
}
