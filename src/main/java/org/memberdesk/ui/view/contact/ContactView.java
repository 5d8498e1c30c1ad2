package org.memberdesk.ui.view.contact;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.BadgeCell;
import org.memberdesk.ui.view.common.FirstLoadMask;
import org.memberdesk.ui.view.common.NotificationBinding;
import org.memberdesk.ui.view.common.ContentOnDemand;
import org.memberdesk.ui.view.common.TableColumns;
import org.memberdesk.ui.view.common.ToneStyles;
import org.memberdesk.ui.viewmodel.contact.CommunityRow;
import org.memberdesk.ui.viewmodel.contact.ContactActionsViewModel;
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
    @FXML private Tab actionsTab;
    @FXML private Button diagnoseButton;

    @FXML private StackPane emailHistoryPane;

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
    @FXML private TableColumn<OfferRow, OfferRow> offerActionsColumn;
    @FXML private Button grantButton;
    @FXML private Label resendWhenLabel;

    @FXML private Button editContactButton;
    @FXML private GridPane portalActions;
    @FXML private Button portalResetButton;
    @FXML private Button portalPasswordButton;
    @FXML private Button portalUnlockButton;
    @FXML private Button portalLoginLinkButton;
    @FXML private Label communityResetWhen;
    @FXML private Label communityPasswordWhen;

    private final ContactViewModel viewModel;
    private final Messages messages;
    private final Parent root;

    public ContactView(ContactViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = FirstLoadMask.over(ViewLoader.load(this, messages), viewModel.loadingProperty(),
                messages.get("contact.loading"));
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
        // the window opens on its Email History: the other tabs join the scene when first chosen
        ContentOnDemand.tab(actionsTab);
        ContentOnDemand.tab(offersTab);
    }

    /** The Diagnose button, Shortcut+D, and the Offers tab a diagnosis may ask for. */
    private void bindDiagnose() {
        diagnoseButton.setTooltip(new Tooltip(messages.get("contact.diagnose.tooltip")));
        diagnoseButton.sceneProperty().addListener((o, before, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+D"), viewModel::diagnose);
                scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+R"), this::resendFromKeyboard);
                scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Shift+R"),
                        this::sendResetLinkFromKeyboard);
            }
        });
        viewModel.offersRequestsProperty().addListener((o, before, now) ->
                tabs.getSelectionModel().select(offersTab));
    }

    private void resendFromKeyboard() {
        tabs.getSelectionModel().select(offersTab);
        viewModel.actions().resendChosenOrFirstActive(offerTable.getSelectionModel().getSelectedItem());
    }

    private void sendResetLinkFromKeyboard() {
        viewModel.actions().sendResetLink(null);
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
        NotificationBinding.bind(tabs, viewModel.notificationProperty(), viewModel::dismissNotification);
    }

    private void bindActions() {
        viewModel.portalProperty().addListener((o, before, portal) -> showPortal(portal));
        showPortal(viewModel.portalProperty().get());
        viewModel.communities().addListener((ListChangeListener<CommunityRow>) change -> showCommunities());
        showCommunities();
        ContactActionsViewModel actions = viewModel.actions();
        var unloaded = viewModel.emailProperty().isEmpty();
        editContactButton.disableProperty().bind(unloaded);
        portalResetButton.disableProperty().bind(unloaded);
        portalPasswordButton.disableProperty().bind(unloaded);
        portalUnlockButton.disableProperty().bind(Bindings.not(actions.canUnlockPortal()));
        portalLoginLinkButton.disableProperty().bind(unloaded.or(actions.busyProperty()));
        grantButton.disableProperty().bind(unloaded);
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
            for (Label hint : List.of(communityResetWhen, communityPasswordWhen)) {
                hint.setVisible(false); // nothing to reset without a group
                hint.setManaged(false);
            }
            return;
        }
        for (Label hint : List.of(communityResetWhen, communityPasswordWhen)) {
            hint.setVisible(true);
            hint.setManaged(true);
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
            communityGrid.addRow(row, group, password, new Label(credential.lastLogin()), lock);
            communityGrid.add(communityActions(community, row - 1), 4, row);
            row++;
        }
    }

    /** The group's own Reset Link, Change Password (and Unlock when locked), labelled as community access. */
    private HBox communityActions(CommunityRow community, int index) {
        ContactActionsViewModel actions = viewModel.actions();
        Label access = new Label(messages.get("access.badge.community"));
        access.getStyleClass().addAll("badge", "tone-caution");
        access.setMinWidth(Region.USE_PREF_SIZE);
        Button reset = new Button(messages.get("actions.resetLink").replace("_", ""));
        reset.setId("communityReset" + index);
        reset.setTooltip(new Tooltip(messages.get("actions.community.resetLink.when")));
        reset.setOnAction(event -> actions.sendResetLink(community));
        Button password = new Button(messages.get("actions.changePassword").replace("_", ""));
        password.setId("communityPassword" + index);
        password.setTooltip(new Tooltip(messages.get("actions.community.changePassword.when")));
        password.setOnAction(event -> actions.changePassword(community));
        HBox box = new HBox(8, access, reset, password);
        box.setAlignment(Pos.CENTER_LEFT);
        if (community.credential().locked()) {
            Button unlock = new Button(messages.get("actions.unlock").replace("_", ""));
            unlock.setId("communityUnlock" + index);
            unlock.setOnAction(event -> actions.unlock(community));
            box.getChildren().add(unlock);
        }
        for (Node button : box.getChildren()) {
            if (button instanceof Button b) {
                b.disableProperty().bind(actions.busyProperty());
                b.setMnemonicParsing(false);
                b.setAccessibleText(b.getText() + " \u2014 " + messages.get("access.community",
                        community.group()));
            }
        }
        return box;
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
        offerActionsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        offerActionsColumn.setCellFactory(column -> new OfferActionsCell(viewModel.actions(), messages));
        offerTable.setRowFactory(table -> offerRow());
        offerTable.getSelectionModel().selectedItemProperty().addListener((o, before, row) -> {
            if (row != null) {
                viewModel.selectedOfferProperty().set(row);
            }
        });
        viewModel.selectedOfferProperty().addListener((o, before, row) -> showSelectedOffer());
        // A reread replaces the rows, which clears the table's selection: put it back.
        viewModel.offers().addListener((ListChangeListener<OfferRow>) change -> showSelectedOffer());
    }

    private void showSelectedOffer() {
        OfferRow row = viewModel.selectedOfferProperty().get();
        if (row == null) {
            offerTable.getSelectionModel().clearSelection();
        } else if (row != offerTable.getSelectionModel().getSelectedItem()) {
            offerTable.getSelectionModel().select(row);
        }
    }

    /** Resend and Revoke also from the row's context menu, so the keyboard (menu key, Shift+F10) reaches them. */
    private TableRow<OfferRow> offerRow() {
        ContactActionsViewModel actions = viewModel.actions();
        TableRow<OfferRow> row = new TableRow<>();
        MenuItem resend = new MenuItem(messages.get("actions.resend").replace("_", ""));
        resend.setOnAction(event -> actions.resend(row.getItem()));
        MenuItem revoke = new MenuItem(messages.get("actions.revoke").replace("_", ""));
        revoke.setOnAction(event -> actions.revoke(row.getItem()));
        ContextMenu menu = new ContextMenu(resend, revoke);
        menu.setOnShowing(event -> {
            OfferRow offer = row.getItem();
            resend.setDisable(offer == null || !offer.active() || actions.busyProperty().get());
            revoke.setDisable(offer == null || !offer.revocable());
        });
        row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
        return row;
    }

    @FXML
    private void editContact() {
        viewModel.actions().editContact();
    }

    @FXML
    private void sendPortalResetLink() {
        viewModel.actions().sendResetLink(null);
    }

    @FXML
    private void changePortalPassword() {
        viewModel.actions().changePassword(null);
    }

    @FXML
    private void unlockPortal() {
        viewModel.actions().unlock(null);
    }

    @FXML
    private void sendLoginLink() {
        viewModel.actions().sendLoginLink();
    }

    @FXML
    private void grantOffer() {
        viewModel.actions().grantOffer();
    }
}
