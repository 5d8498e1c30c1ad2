package org.memberdesk.ui.view.contact;

import atlantafx.base.controls.Notification;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.BadgeCell;
import org.memberdesk.ui.view.common.NotificationBinding;
import org.memberdesk.ui.view.common.TableColumns;
import org.memberdesk.ui.view.common.ToneStyles;
import org.memberdesk.ui.viewmodel.contact.CommunityRow;
import org.memberdesk.ui.viewmodel.contact.ContactViewModel;
import org.memberdesk.ui.viewmodel.contact.CredentialState;
import org.memberdesk.ui.viewmodel.contact.OfferRow;

/** One contact's window: header and the Email History, Actions and Offers tabs. */
public final class ContactView {

    @FXML private Label nameLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label emailLabel;
    @FXML private FlowPane tagPane;
    @FXML private Label summaryLabel;
    @FXML private Label errorLabel;
    @FXML private TabPane tabs;
    @FXML private Tab offersTab;
    @FXML private Button diagnoseButton;

    @FXML private StackPane emailHistoryPane;
    @FXML private Notification notification;

    @FXML private Label portalPasswordLabel;
    @FXML private Label portalLastLoginLabel;
    @FXML private Label portalLockLabel;
    @FXML private Label noCommunityLabel;
    @FXML private GridPane communityGrid;

    @FXML private TableView<OfferRow> offerTable;
    @FXML private TableColumn<OfferRow, String> offerNameColumn;
    @FXML private TableColumn<OfferRow, OfferRow> offerStatusColumn;
    @FXML private TableColumn<OfferRow, String> offerGrantedColumn;
    @FXML private TableColumn<OfferRow, String> offerEndsColumn;
    @FXML private TableColumn<OfferRow, String> offerRevokedColumn;

    private final ContactViewModel viewModel;
    private final Messages messages;
    private final Parent root;

    public ContactView(ContactViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        bindHeader();
        bindEmails();
        bindActions();
        bindOffers();
        bindDiagnose();
    }

    /** Issue 7: the Diagnose button, Shortcut+D, and the Offers tab a diagnosis may ask for. */
    private void bindDiagnose() {
        diagnoseButton.disableProperty().bind(viewModel.canDiagnoseProperty().not());
        diagnoseButton.setTooltip(new Tooltip(messages.get("contact.diagnose.tooltip")));
        diagnoseButton.sceneProperty().addListener((o, before, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+D"), viewModel::diagnose);
            }
        });
        viewModel.offersRequestsProperty().addListener((o, before, now) ->
                tabs.getSelectionModel().select(offersTab));
    }

    @FXML
    private void diagnose() {
        viewModel.diagnose();
    }

    private void bindHeader() {
        nameLabel.textProperty().bind(viewModel.nameProperty());
        emailLabel.textProperty().bind(viewModel.emailProperty());
        summaryLabel.textProperty().bind(viewModel.accessSummaryProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        errorLabel.textProperty().bind(viewModel.loadErrorProperty());
        errorLabel.visibleProperty().bind(viewModel.loadErrorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        viewModel.tags().addListener((ListChangeListener<String>) change -> showTags());
        showTags();
    }

    private void showTags() {
        tagPane.getChildren().setAll(viewModel.tags().stream().map(tag -> {
            Label chip = new Label(tag);
            chip.getStyleClass().add("tag-chip");
            return chip;
        }).toList());
    }

    private void bindEmails() {
        EmailHistoryView history = new EmailHistoryView(viewModel.history(), messages);
        emailHistoryPane.getChildren().setAll(history.root());
        NotificationBinding.bind(notification, viewModel.history().notificationProperty(),
                viewModel.history()::dismissNotification);
    }

    private void bindActions() {
        viewModel.portalProperty().addListener((o, before, portal) -> showPortal(portal));
        showPortal(viewModel.portalProperty().get());
        viewModel.communities().addListener((ListChangeListener<CommunityRow>) change -> showCommunities());
        showCommunities();
    }

    private void showPortal(CredentialState portal) {
        if (portal == null) {
            return;
        }
        portalPasswordLabel.setText(portal.password());
        ToneStyles.apply(portalPasswordLabel, portal.passwordTone());
        portalLastLoginLabel.setText(portal.lastLogin());
        portalLockLabel.setText(portal.lock());
        ToneStyles.apply(portalLockLabel, portal.lockTone());
    }

    private void showCommunities() {
        boolean none = viewModel.communities().isEmpty();
        noCommunityLabel.setVisible(none);
        noCommunityLabel.setManaged(none);
        communityGrid.setVisible(!none);
        communityGrid.setManaged(!none);
        communityGrid.getChildren().clear();
        if (none) {
            return;
        }
        communityGrid.addRow(0, header("community.column.group"), header("credential.password"),
                header("credential.lastLogin"), header("credential.lock"));
        int row = 1;
        for (CommunityRow community : viewModel.communities()) {
            CredentialState credential = community.credential();
            Label group = new Label(community.group());
            group.getStyleClass().add("community-name");
            Label password = new Label(credential.password());
            ToneStyles.apply(password, credential.passwordTone());
            Label lock = new Label(credential.lock());
            ToneStyles.apply(lock, credential.lockTone());
            communityGrid.addRow(row++, group, password, new Label(credential.lastLogin()), lock);
        }
    }

    private Label header(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("field-name");
        return label;
    }

    private void bindOffers() {
        offerTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumns.text(offerNameColumn, OfferRow::offer);
        TableColumns.text(offerGrantedColumn, OfferRow::granted);
        TableColumns.text(offerEndsColumn, OfferRow::ends);
        TableColumns.text(offerRevokedColumn, OfferRow::revoked);
        offerStatusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        offerStatusColumn.setCellFactory(column -> new BadgeCell<>(OfferRow::status, OfferRow::statusTone, null));
        offerTable.setItems(viewModel.offers());
    }
}
