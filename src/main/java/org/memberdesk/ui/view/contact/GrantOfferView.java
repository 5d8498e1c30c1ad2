package org.memberdesk.ui.view.contact;

import java.time.format.DateTimeParseException;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.viewmodel.contact.GrantOfferViewModel;
import org.memberdesk.ui.viewmodel.contact.OfferChoice;

/** Grant offer: which offer, and optionally the last day of access. */
public final class GrantOfferView {

    @FXML private Label titleLabel;
    @FXML private Label whenLabel;
    @FXML private ComboBox<OfferChoice> offerBox;
    @FXML private DatePicker untilPicker;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button grantButton;

    private final GrantOfferViewModel viewModel;
    private final Parent root;

    public GrantOfferView(GrantOfferViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        ActionDialogStage.bindCommon(viewModel, titleLabel, whenLabel, errorLabel, busyIndicator);
        offerBox.setItems(viewModel.choices());
        offerBox.valueProperty().bindBidirectional(viewModel.offerProperty());
        untilPicker.valueProperty().bindBidirectional(viewModel.untilProperty());
        grantButton.disableProperty().bind(Bindings.not(viewModel.canGrant()));
    }

    @FXML
    private void grant() {
        // A date typed but not yet committed with Enter still counts.
        try {
            untilPicker.setValue(untilPicker.getConverter().fromString(untilPicker.getEditor().getText()));
        } catch (DateTimeParseException unreadable) {
            untilPicker.getEditor().setText(untilPicker.getConverter().toString(untilPicker.getValue()));
        }
        viewModel.grant();
    }

    @FXML
    private void cancel() {
        root.getScene().getWindow().hide();
    }
}
