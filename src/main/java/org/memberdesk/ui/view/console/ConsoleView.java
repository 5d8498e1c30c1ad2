package org.memberdesk.ui.view.console;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Notification;
import java.io.File;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.stage.FileChooser;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.NotificationBinding;
import org.memberdesk.ui.view.common.ToneStyles;
import org.memberdesk.ui.view.help.FaqView;
import org.memberdesk.ui.viewmodel.console.AppearanceViewModel;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel.Phase;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel;
import org.memberdesk.ui.viewmodel.console.ContactRow;
import org.memberdesk.ui.viewmodel.console.ContactSearchViewModel;
import org.memberdesk.ui.viewmodel.console.Theme;
import org.memberdesk.ui.viewmodel.mail.MailViewModel;
import org.memberdesk.ui.viewmodel.mail.OutboxStatusViewModel;

/** The main window: search field, contact list and status bar. */
public final class ConsoleView {

    private static final String SEARCH_ICON = "M10 2a8 8 0 0 1 6.32 12.9l5.39 5.4-1.41 1.4-5.4-5.39A8 8 0 1 1 10 2zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12z";

    @FXML private CustomTextField searchField;
    @FXML private TableView<ContactRow> contactTable;
    @FXML private TableColumn<ContactRow, String> nameColumn;
    @FXML private TableColumn<ContactRow, String> emailColumn;
    @FXML private TableColumn<ContactRow, String> tagsColumn;
    @FXML private Label emptyLabel;
    @FXML private VBox progressOverlay;
    @FXML private ProgressIndicator progressIndicator;
    @FXML private Label progressLabel;
    @FXML private Label dataDirectoryLabel;
    @FXML private Label statusLabel;
    @FXML private Label contactCountLabel;
    @FXML private Label contactCountBadge;
    @FXML private Label demoBadge;
    @FXML private Notification notification;
    @FXML private MenuItem demoInboxItem;
    @FXML private MenuItem smtpSettingsItem;
    @FXML private HBox demoBanner;
    @FXML private Button demoInboxButton;
    @FXML private HBox mailWarningBar;
    @FXML private VBox mailWarnings;
    @FXML private ProgressBar outboxProgress;
    @FXML private Label outboxLabel;
    @FXML private Separator outboxSeparator;

    private final ConsoleViewModel viewModel;
    private final ContactSearchViewModel search;
    private final MailViewModel mail;
    private final Messages messages;
    private final Parent root;

    public ConsoleView(ConsoleViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.search = viewModel.search();
        this.mail = viewModel.mail();
        this.messages = messages;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    /** Puts the cursor in the search field with its text selected, ready to type over. */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    public boolean searchFocused() {
        return searchField.isFocused();
    }

    @FXML
    private void initialize() {
        bindSearchField();
        bindContactTable();
        bindProgress();
        bindStatusBar();
        bindNotification();
        bindMail();
        bindWorkflows();
        bindInsight();
        bindShell();
    }

    private void bindSearchField() {
        SVGPath icon = new SVGPath();
        icon.setContent(SEARCH_ICON);
        icon.getStyleClass().add("search-icon");
        icon.setScaleX(0.7);
        icon.setScaleY(0.7);
        searchField.setLeft(icon);
        searchField.textProperty().bindBidirectional(search.queryProperty());
        searchField.addEventFilter(KeyEvent.KEY_PRESSED, this::onSearchKey);
    }

    private void onSearchKey(KeyEvent event) {
        switch (event.getCode()) {
            case DOWN -> search.selectNext();
            case UP -> search.selectPrevious();
            case ENTER -> viewModel.openSelected();
            case ESCAPE -> search.clearQuery();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void bindContactTable() {
        contactTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        emailColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().email()));
        tagsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().tags()));
        tagsColumn.getStyleClass().add("tags-column");
        contactTable.setItems(search.results());
        emptyLabel.textProperty().bind(search.emptyTextProperty());

        contactTable.getSelectionModel().selectedItemProperty().addListener((o, before, row) -> {
            if (row != null) {
                search.selectedProperty().set(row);
            }
        });
        search.selectedProperty().addListener((o, before, row) -> showSelected(row));
        contactTable.setRowFactory(table -> {
            TableRow<ContactRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        contactTable.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.openSelected();
                event.consume();
            }
        });
    }

    private void showSelected(ContactRow row) {
        if (row == null) {
            contactTable.getSelectionModel().clearSelection();
            return;
        }
        if (row != contactTable.getSelectionModel().getSelectedItem()) {
            // clearAndSelect: the list allows several rows to be chosen (Run workflow), the search moves one.
            contactTable.getSelectionModel().clearAndSelect(contactTable.getItems().indexOf(row));
        }
        int index = contactTable.getSelectionModel().getSelectedIndex();
        if (index >= 0 && contactTable.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        }
    }

    private void bindProgress() {
        progressOverlay.visibleProperty().bind(viewModel.phaseProperty().isNotEqualTo(Phase.READY)
                .and(viewModel.previewProperty().not()));
        progressIndicator.visibleProperty().bind(viewModel.phaseProperty().isNotEqualTo(Phase.FAILED));
        progressIndicator.managedProperty().bind(progressIndicator.visibleProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        viewModel.awaitFirstFrame();
        contactTable.sceneProperty().addListener((o, before, scene) -> {
            if (scene != null) {
                reportFirstPreviewFrame(scene);
            }
        });
    }

    private void reportFirstPreviewFrame(Scene scene) {
        Runnable[] listener = new Runnable[1];
        boolean[] reported = new boolean[1];
        listener[0] = () -> {
            boolean startingUp = viewModel.phaseProperty().get() == Phase.OPENING;
            if (!reported[0] && (!startingUp
                    || viewModel.previewProperty().get() && !contactTable.getItems().isEmpty())) {
                reported[0] = true;
                // Not while the scene walks its listeners.
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    viewModel.previewShown();
                });
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    private void bindStatusBar() {
        dataDirectoryLabel.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("console.dataDirectory", viewModel.dataDirectoryProperty().get()),
                viewModel.dataDirectoryProperty()));
        statusLabel.textProperty().bind(viewModel.statusMessageProperty());
        contactCountLabel.textProperty().bind(viewModel.contactCountProperty());
        contactCountBadge.textProperty().bind(viewModel.contactCountProperty());
        demoBadge.visibleProperty().bind(viewModel.demoDataProperty());
        demoBadge.managedProperty().bind(demoBadge.visibleProperty());
    }

    private void bindMail() {
        demoInboxItem.disableProperty().bind(mail.connectedProperty().not());
        smtpSettingsItem.disableProperty().bind(mail.connectedProperty().not());
        demoBanner.visibleProperty().bind(mail.connectedProperty().and(mail.demoModeProperty()));
        demoBanner.managedProperty().bind(demoBanner.visibleProperty());
        mail.warnings().addListener((ListChangeListener<String>) change -> showMailWarnings());
        showMailWarnings();

        OutboxStatusViewModel outbox = mail.outbox();
        outboxLabel.textProperty().bind(outbox.textProperty());
        outboxLabel.visibleProperty().bind(mail.connectedProperty());
        outboxLabel.managedProperty().bind(outboxLabel.visibleProperty());
        outboxSeparator.visibleProperty().bind(outboxLabel.visibleProperty());
        outboxSeparator.managedProperty().bind(outboxLabel.visibleProperty());
        Tooltip details = new Tooltip();
        details.textProperty().bind(outbox.detailsProperty());
        outboxLabel.setTooltip(details);
        outbox.toneProperty().addListener((o, before, tone) -> ToneStyles.apply(outboxLabel, tone));
        ToneStyles.apply(outboxLabel, outbox.toneProperty().get());
        outboxProgress.progressProperty().bind(outbox.progressProperty());
        outboxProgress.visibleProperty().bind(outbox.sendingProperty());
        outboxProgress.managedProperty().bind(outboxProgress.visibleProperty());
    }

    private void showMailWarnings() {
        mailWarnings.getChildren().setAll(mail.warnings().stream().map(text -> {
            Label warning = new Label(text);
            warning.setWrapText(true);
            warning.getStyleClass().add("mail-warning");
            return warning;
        }).toList());
        mailWarningBar.setVisible(!mail.warnings().isEmpty());
        mailWarningBar.setManaged(mailWarningBar.isVisible());
    }

    @FXML
    private void openDemoInbox() {
        mail.openDemoInbox();
    }

    @FXML
    private void openSmtpSettings() {
        mail.openSmtpSettings();
    }

    private void bindNotification() {
        NotificationBinding.bind(notification, viewModel.notificationProperty(), viewModel::dismissNotification);
    }

    // ---- Contacts, FAQ ----

    @FXML
    private void newContact() {
        viewModel.newContact();
    }

    @FXML
    private void openCredentialFaq() {
        FaqView.show(messages);
    }

    // ----- spacer -----

    // ---- Workflows ----

    @FXML private MenuItem workflowsItem;
    @FXML private MenuItem runWorkflowItem;

    /** View \u2192 Workflows and Run workflow (menu and the contact list's context menu; several rows may be chosen). */
    private void bindWorkflows() {
        workflowsItem.disableProperty().bind(viewModel.workflowsReadyProperty().not());
        runWorkflowItem.disableProperty().bind(viewModel.workflowsReadyProperty().not());
        contactTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        MenuItem run = new MenuItem(messages.get("console.runWorkflow"));
        run.setId("runWorkflowContextItem");
        run.setOnAction(event -> runWorkflow());
        run.disableProperty().bind(viewModel.workflowsReadyProperty().not());
        contactTable.setContextMenu(new ContextMenu(run));
    }

    @FXML
    private void openWorkflows() {
        viewModel.openWorkflows();
    }

    @FXML
    private void runWorkflow() {
        viewModel.runWorkflow(List.copyOf(contactTable.getSelectionModel().getSelectedItems()));
    }

    // ----- spacer -----

    // ---- Diagnose, activity, import ----

    @FXML private MenuItem importContactsItem;
    @FXML private MenuItem activityItem;

    /** Enables File, Import contacts and View, Activity once the database is open. */
    private void bindInsight() {
        if (viewModel.insight() == null) {
            importContactsItem.setDisable(true);
            activityItem.setDisable(true);
            return;
        }
        importContactsItem.disableProperty().bind(viewModel.insight().connectedProperty().not());
        activityItem.disableProperty().bind(viewModel.insight().connectedProperty().not());
    }

    @FXML
    private void importContacts() {
        viewModel.importContacts();
    }

    @FXML
    private void openActivity() {
        viewModel.openActivity();
    }

    // ----- spacer -----

    // ---- Backup ----

    @FXML private MenuItem backUpItem;

    /** File → Back up…: the agent picks a new file here; the copy runs in the view model, off the FX thread. */
    @FXML
    private void backUp() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("backup.title"));
        chooser.setInitialFileName(viewModel.suggestedBackupName());
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("SQLite (*.db)", "*.db"),
                new FileChooser.ExtensionFilter("*", "*.*"));
        File chosen = chooser.showSaveDialog(backUpItem.getParentPopup() == null ? null
                : backUpItem.getParentPopup().getOwnerWindow());
        if (chosen != null) {
            viewModel.backUp(chosen.toPath());
        }
    }

    // ----- spacer -----

    // ---- Shell ----

    @FXML private SeparatorMenuItem resetDemoSeparator;
    @FXML private MenuItem resetDemoItem;
    @FXML private MenuItem openPortalItem;
    @FXML private RadioMenuItem themeSystemItem;
    @FXML private RadioMenuItem themeLightItem;
    @FXML private RadioMenuItem themeDarkItem;
    @FXML private CheckMenuItem presenterItem;
    @FXML private MenuItem agentNameItem;
    @FXML private MenuItem portalPortItem;
    @FXML private Hyperlink portalLink;
    @FXML private Separator portalSeparator;

    /** Called from {@link #initialize()}: File → Reset demo, View → Open portal, Theme, Presenter mode, status bar. */
    private void bindShell() {
        backUpItem.disableProperty().bind(viewModel.phaseProperty().isNotEqualTo(Phase.READY));
        resetDemoItem.visibleProperty().bind(viewModel.demoDataProperty());
        resetDemoSeparator.visibleProperty().bind(viewModel.demoDataProperty());
        resetDemoItem.disableProperty().bind(viewModel.phaseProperty().isNotEqualTo(Phase.READY));
        openPortalItem.disableProperty().bind(viewModel.portalUrlProperty().isEmpty());
        agentNameItem.disableProperty().bind(viewModel.phaseProperty().isEqualTo(Phase.WELCOME));
        portalPortItem.disableProperty().bind(viewModel.portalStatusProperty().isEmpty());

        portalLink.textProperty().bind(viewModel.portalStatusProperty());
        portalLink.visibleProperty().bind(viewModel.portalStatusProperty().isNotEmpty());
        portalLink.managedProperty().bind(portalLink.visibleProperty());
        portalSeparator.visibleProperty().bind(portalLink.visibleProperty());
        portalSeparator.managedProperty().bind(portalLink.visibleProperty());
        Tooltip portalTip = new Tooltip(messages.get("portal.open.tooltip"));
        portalLink.setTooltip(portalTip);
        viewModel.portalProblemProperty().addListener((o, before, problem) -> showPortalProblem(problem));

        AppearanceViewModel appearance = viewModel.appearance();
        ToggleGroup themes = new ToggleGroup();
        Map<Theme, RadioMenuItem> items = Map.of(Theme.SYSTEM, themeSystemItem, Theme.LIGHT, themeLightItem,
                Theme.DARK, themeDarkItem);
        items.forEach((theme, item) -> {
            item.setToggleGroup(themes);
            item.setUserData(theme);
        });
        items.get(appearance.themeProperty().get()).setSelected(true);
        appearance.themeProperty().addListener((o, before, theme) -> items.get(theme).setSelected(true));
        themes.selectedToggleProperty().addListener((o, before, toggle) -> {
            if (toggle != null) {
                appearance.themeProperty().set((Theme) toggle.getUserData());
            }
        });
        presenterItem.selectedProperty().bindBidirectional(appearance.presenterProperty());
    }

    private void showPortalProblem(boolean problem) {
        portalLink.getStyleClass().removeAll("portal-problem");
        if (problem) {
            portalLink.getStyleClass().add("portal-problem");
        }
        portalLink.setTooltip(problem ? null : new Tooltip(messages.get("portal.open.tooltip")));
    }

    @FXML
    private void resetDemo() {
        viewModel.resetDemo();
    }

    @FXML
    private void openPortal() {
        viewModel.openPortal();
    }

    @FXML
    private void changeAgentName() {
        viewModel.changeAgentName();
    }

    @FXML
    private void changePortalPort() {
        viewModel.changePortalPort();
    }

    @FXML
    private void showShortcuts() {
        viewModel.showShortcuts();
    }

    @FXML
    private void showAbout() {
        viewModel.showAbout();
    }

    // ----- end -----
}
