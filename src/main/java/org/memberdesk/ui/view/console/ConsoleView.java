package org.memberdesk.ui.view.console;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
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
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.controlsfx.control.textfield.CustomTextField;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.AppShortcuts;
import org.memberdesk.ui.view.common.NotificationBinding;
import org.memberdesk.ui.view.common.ToneStyles;
import org.memberdesk.ui.view.common.Windows;
import org.memberdesk.ui.view.help.FaqView;
import org.memberdesk.ui.viewmodel.console.AppearanceViewModel;
import org.memberdesk.ui.viewmodel.console.ConsolePortal;
import org.memberdesk.ui.viewmodel.console.ConsoleSession;
import org.memberdesk.ui.viewmodel.console.ConsoleStatus;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel.Phase;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel;
import org.memberdesk.ui.viewmodel.console.ContactList;
import org.memberdesk.ui.viewmodel.console.ContactRow;
import org.memberdesk.ui.viewmodel.console.Theme;
import org.memberdesk.ui.viewmodel.mail.MailViewModel;
import org.memberdesk.ui.viewmodel.mail.OutboxStatusViewModel;

/**
 * The main window: menus, search field, contact list and status bar. What needs an open data
 * directory (mail, workflows, insight, backup, portal) follows the console's session: bound when
 * one opens, let go and disabled when it closes.
 */
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
    @FXML private MenuItem newContactItem;
    @FXML private MenuItem importContactsItem;
    @FXML private MenuItem backUpItem;
    @FXML private SeparatorMenuItem resetDemoSeparator;
    @FXML private MenuItem resetDemoItem;
    @FXML private MenuItem quitItem;
    @FXML private MenuItem workflowsItem;
    @FXML private MenuItem runWorkflowItem;
    @FXML private MenuItem activityItem;
    @FXML private MenuItem openPortalItem;
    @FXML private MenuItem refreshItem;
    @FXML private RadioMenuItem themeSystemItem;
    @FXML private RadioMenuItem themeLightItem;
    @FXML private RadioMenuItem themeDarkItem;
    @FXML private CheckMenuItem presenterItem;
    @FXML private MenuItem demoInboxItem;
    @FXML private MenuItem outboxProblemsItem;
    @FXML private MenuItem smtpSettingsItem;
    @FXML private MenuItem emailTemplatesItem;
    @FXML private MenuItem brandingItem;
    @FXML private MenuItem signInSettingsItem;
    @FXML private MenuItem loginEmailsItem;
    @FXML private MenuItem databaseSettingsItem;
    @FXML private MenuItem agentNameItem;
    @FXML private MenuItem portalPortItem;
    @FXML private HBox demoBanner;
    @FXML private Button demoInboxButton;
    @FXML private HBox mailWarningBar;
    @FXML private VBox mailWarnings;
    @FXML private ProgressBar outboxProgress;
    @FXML private Label outboxLabel;
    @FXML private Hyperlink outboxFailedLink;
    @FXML private Separator outboxSeparator;
    @FXML private Hyperlink portalLink;
    @FXML private Separator portalSeparator;

    private final ConsoleViewModel viewModel;
    private final ContactList list;
    private final Messages messages;
    private final Parent root;
    private final MenuItem runWorkflowContextItem;
    private final MenuItem loginEmailsContextItem;
    // Undoes what ties the window to the open session, for when it closes (Reset demo, exit).
    private final List<Runnable> untieSession = new ArrayList<>();
    private ConsoleSession session;

    public ConsoleView(ConsoleViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.list = viewModel.list();
        this.messages = messages;
        this.runWorkflowContextItem = new MenuItem(messages.get("console.runWorkflow"));
        this.loginEmailsContextItem = new MenuItem(messages.get("console.loginEmails"));
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

    /**
     * The keys that work from every window ({@link AppShortcuts}) do what this window's menu items do,
     * while they are enabled; the search key brings this window forward with the search field ready.
     */
    public void offerAppShortcuts(Stage stage) {
        AppShortcuts.defineFor(stage, new AppShortcuts.Actions(() -> {
            Windows.bringToFront(stage);
            focusSearch();
        }, () -> fire(newContactItem), () -> fire(demoInboxItem), () -> fire(activityItem), () -> fire(quitItem)));
    }

    private static void fire(MenuItem item) {
        if (!item.isDisable()) {
            item.fire();
        }
    }

    @FXML
    private void initialize() {
        showAppShortcutKeys();
        bindSearchField();
        bindContactTable();
        bindProgress();
        bindStatusBar();
        bindNotification();
        bindShell();
        viewModel.sessionProperty().addListener((o, before, now) -> showSession(now));
        showSession(viewModel.sessionProperty().get());
    }

    /** The menu items of the keys that work from every window show (and, here, answer) the app's one table. */
    private void showAppShortcutKeys() {
        newContactItem.setAccelerator(AppShortcuts.NEW_CONTACT);
        demoInboxItem.setAccelerator(AppShortcuts.INBOX);
        activityItem.setAccelerator(AppShortcuts.ACTIVITY);
        quitItem.setAccelerator(AppShortcuts.QUIT);
        refreshItem.setAccelerator(AppShortcuts.REFRESH);
    }

    private void bindSearchField() {
        SVGPath icon = new SVGPath();
        icon.setContent(SEARCH_ICON);
        icon.getStyleClass().add("search-icon");
        icon.setScaleX(0.7);
        icon.setScaleY(0.7);
        searchField.setLeft(icon);
        searchField.textProperty().bindBidirectional(list.queryProperty());
        searchField.addEventFilter(KeyEvent.KEY_PRESSED, this::onSearchKey);
    }

    private void onSearchKey(KeyEvent event) {
        switch (event.getCode()) {
            case DOWN -> list.selectNext();
            case UP -> list.selectPrevious();
            case ENTER -> viewModel.openSelected();
            case ESCAPE -> list.clearQuery();
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
        keepChosenRowsAcrossRefresh();
        contactTable.setItems(list.results());
        emptyLabel.textProperty().bind(list.emptyTextProperty());

        contactTable.getSelectionModel().selectedItemProperty().addListener((o, before, row) -> {
            if (row != null) {
                list.selectedProperty().set(row);
            }
        });
        list.selectedProperty().addListener((o, before, row) -> showSelected(row));
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
        // Run workflow, also from the list's context menu: several rows may be chosen.
        contactTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runWorkflowContextItem.setId("runWorkflowContextItem");
        runWorkflowContextItem.setOnAction(event -> runWorkflow());
        loginEmailsContextItem.setId("loginEmailsContextItem");
        loginEmailsContextItem.setOnAction(event -> sendLoginEmails());
        contactTable.setContextMenu(new ContextMenu(runWorkflowContextItem, loginEmailsContextItem));
    }

    /**
     * Several rows chosen (for Run workflow or Send login email) stay chosen when the list is read
     * again (someone's change arrived): registered before the table's own listener, this one still
     * sees the old choice, and chooses the same contacts again once the new rows are in.
     */
    private void keepChosenRowsAcrossRefresh() {
        // the rows are already replaced when this runs: the choice is what the selection said before
        contactTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ContactRow>) change -> {
            if (!restoringChoice) {
                chosenIds = contactTable.getSelectionModel().getSelectedItems().stream()
                        .filter(java.util.Objects::nonNull).map(ContactRow::id).toList();
            }
        });
        list.results().addListener((ListChangeListener<ContactRow>) change -> {
            List<java.util.UUID> chosen = chosenIds;
            if (chosen.size() < 2 || restoringChoice) {
                return;
            }
            restoringChoice = true;
            Platform.runLater(() -> {
                for (int i = 0; i < contactTable.getItems().size(); i++) {
                    if (chosen.contains(contactTable.getItems().get(i).id())
                            && !contactTable.getSelectionModel().isSelected(i)) {
                        contactTable.getSelectionModel().select(i);
                    }
                }
                restoringChoice = false;
                chosenIds = contactTable.getSelectionModel().getSelectedItems().stream()
                        .filter(java.util.Objects::nonNull).map(ContactRow::id).toList();
            });
        });
    }

    private List<java.util.UUID> chosenIds = List.of();
    private boolean restoringChoice;

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
        ConsoleStatus status = viewModel.status();
        dataDirectoryLabel.textProperty().bind(viewModel.databaseProperty());
        // a long path gives way to the other items; hovering shows it whole, with the data directory
        Tooltip where = new Tooltip();
        where.textProperty().bind(Bindings.concat(viewModel.databaseProperty(), "\n",
                messages.get("console.dataDirectory", viewModel.dataDirectory())));
        dataDirectoryLabel.setTooltip(where);
        statusLabel.textProperty().bind(status.messageProperty());
        contactCountLabel.textProperty().bind(status.contactCountProperty());
        contactCountBadge.textProperty().bind(status.contactCountProperty());
        demoBadge.visibleProperty().bind(viewModel.demoDataProperty());
        demoBadge.managedProperty().bind(demoBadge.visibleProperty());
    }

    private void bindNotification() {
        ConsoleStatus status = viewModel.status();
        NotificationBinding.bind(contactTable, status.notificationProperty(), status::dismissNotification);
    }

    /** File → Reset demo, Settings → Agent name, View → Theme and Presenter mode: there before a database is open. */
    private void bindShell() {
        backUpItem.disableProperty().bind(viewModel.phaseProperty().isNotEqualTo(Phase.READY)
                .or(viewModel.sessionProperty().isNull()));
        resetDemoItem.visibleProperty().bind(viewModel.demoDataProperty());
        resetDemoSeparator.visibleProperty().bind(viewModel.demoDataProperty());
        resetDemoItem.disableProperty().bind(viewModel.phaseProperty().isNotEqualTo(Phase.READY));
        agentNameItem.disableProperty().bind(viewModel.phaseProperty().isEqualTo(Phase.WELCOME));
        databaseSettingsItem.disableProperty().bind(viewModel.phaseProperty().isEqualTo(Phase.WELCOME));
        for (MenuItem item : List.of(newContactItem, importContactsItem, activityItem, demoInboxItem,
                outboxProblemsItem, smtpSettingsItem, emailTemplatesItem, brandingItem, signInSettingsItem,
                loginEmailsItem, loginEmailsContextItem, refreshItem)) {
            item.disableProperty().bind(viewModel.sessionProperty().isNull());
        }
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

    /** Ties the window to the session that opened, after letting go of the one before; none: a closed look. */
    private void showSession(ConsoleSession now) {
        untieSession.forEach(Runnable::run);
        untieSession.clear();
        session = now;
        if (now == null) {
            for (MenuItem item : List.of(workflowsItem, runWorkflowItem, runWorkflowContextItem, openPortalItem,
                    portalPortItem)) {
                item.setDisable(true);
            }
            for (Node node : List.of(demoBanner, mailWarningBar, outboxLabel, outboxFailedLink, outboxSeparator,
                    outboxProgress, portalLink, portalSeparator)) {
                node.setVisible(false);
                node.setManaged(false);
            }
            return;
        }
        tieMail(now.mail());
        tieWorkflows(now);
        tiePortal(now.portal());
    }

    private <T> void tie(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        untieSession.add(target::unbind);
    }

    private <T> void follow(ObservableValue<T> value, Consumer<T> show) {
        ChangeListener<T> listener = (o, before, now) -> show.accept(now);
        value.addListener(listener);
        untieSession.add(() -> value.removeListener(listener));
        show.accept(value.getValue());
    }

    private void tieMail(MailViewModel mail) {
        tie(demoBanner.visibleProperty(), mail.demoModeProperty());
        tie(demoBanner.managedProperty(), demoBanner.visibleProperty());
        ListChangeListener<String> warnings = change -> showMailWarnings(mail.warnings());
        mail.warnings().addListener(warnings);
        untieSession.add(() -> mail.warnings().removeListener(warnings));
        showMailWarnings(mail.warnings());

        OutboxStatusViewModel outbox = mail.outbox();
        tie(outboxLabel.textProperty(), outbox.summaryProperty());
        tie(outboxFailedLink.textProperty(), outbox.failedTextProperty());
        tie(outboxFailedLink.visibleProperty(), outbox.failedTextProperty().isNotEmpty());
        tie(outboxFailedLink.managedProperty(), outboxFailedLink.visibleProperty());
        outboxFailedLink.setTooltip(new Tooltip(messages.get("outbox.openProblems")));
        follow(outbox.toneProperty(), tone -> ToneStyles.apply(outboxFailedLink, tone));
        for (Node node : List.of(outboxLabel, outboxSeparator)) {
            node.setVisible(true);
            node.setManaged(true);
        }
        Tooltip details = new Tooltip();
        tie(details.textProperty(), outbox.detailsProperty());
        outboxLabel.setTooltip(details);
        follow(outbox.toneProperty(), tone -> ToneStyles.apply(outboxLabel, tone));
        tie(outboxProgress.progressProperty(), outbox.progressProperty());
        tie(outboxProgress.visibleProperty(), outbox.sendingProperty());
        tie(outboxProgress.managedProperty(), outboxProgress.visibleProperty());
    }

    private void showMailWarnings(ObservableList<String> texts) {
        mailWarnings.getChildren().setAll(texts.stream().map(text -> {
            Label warning = new Label(text);
            warning.setWrapText(true);
            warning.getStyleClass().add("mail-warning");
            return warning;
        }).toList());
        mailWarningBar.setVisible(!texts.isEmpty());
        mailWarningBar.setManaged(mailWarningBar.isVisible());
    }

    /** View → Workflows and Run workflow: once the engine runs. */
    private void tieWorkflows(ConsoleSession now) {
        for (MenuItem item : List.of(workflowsItem, runWorkflowItem, runWorkflowContextItem)) {
            tie(item.disableProperty(), now.workflowsReadyProperty().not());
        }
    }

    /** The portal's line in the status bar, View → Open portal and Settings → Portal port. */
    private void tiePortal(ConsolePortal portal) {
        tie(openPortalItem.disableProperty(), portal.urlProperty().isEmpty());
        tie(portalPortItem.disableProperty(), portal.statusProperty().isEmpty());
        tie(portalLink.textProperty(), portal.statusProperty());
        tie(portalLink.visibleProperty(), portal.statusProperty().isNotEmpty());
        tie(portalLink.managedProperty(), portalLink.visibleProperty());
        tie(portalSeparator.visibleProperty(), portalLink.visibleProperty());
        tie(portalSeparator.managedProperty(), portalLink.visibleProperty());
        follow(portal.problemProperty(), this::showPortalProblem);
    }

    private void showPortalProblem(boolean problem) {
        portalLink.getStyleClass().removeAll("portal-problem");
        if (problem) {
            portalLink.getStyleClass().add("portal-problem");
        }
        // in a small window the address (or a problem's sentence) shortens; its tooltip says it whole
        portalLink.setMinWidth(0);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(problem ? portalLink.textProperty()
                : Bindings.concat(portalLink.textProperty(), "\n", messages.get("portal.open.tooltip")));
        portalLink.setTooltip(tip);
    }

    // The menu items and buttons below are enabled or shown only while a session is open.

    @FXML
    private void newContact() {
        session.newContact();
    }

    @FXML
    private void importContacts() {
        session.importContacts();
    }

    @FXML
    private void openActivity() {
        session.insight().openActivity();
    }

    /** View → Refresh (F5): the contact list and the status bar's counts, read again. */
    @FXML
    private void refresh() {
        session.refresh();
    }

    @FXML
    private void openWorkflows() {
        session.openWorkflows();
    }

    @FXML
    private void runWorkflow() {
        session.runWorkflow(List.copyOf(contactTable.getSelectionModel().getSelectedItems()));
    }

    @FXML
    private void openOutboxProblems() {
        session.openOutboxProblems();
    }

    @FXML
    private void openDemoInbox() {
        session.mail().openDemoInbox();
    }

    @FXML
    private void openSmtpSettings() {
        session.mail().openSmtpSettings();
    }

    @FXML
    private void openEmailTemplates() {
        session.openEmailTemplates();
    }

    @FXML
    private void openBranding() {
        session.openBranding();
    }

    @FXML
    private void openSignInSettings() {
        session.openSignInSettings();
    }

    @FXML
    private void sendLoginEmails() {
        session.sendLoginEmails(List.copyOf(contactTable.getSelectionModel().getSelectedItems()));
    }

    @FXML
    private void openPortal() {
        session.portal().open();
    }

    @FXML
    private void changePortalPort() {
        session.portal().changePort();
    }

    /** File → Back up…: the agent picks a new file here; the copy runs in the view model, off the FX thread. */
    @FXML
    private void backUp() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("backup.title"));
        chooser.setInitialFileName(session.backup().suggestedName());
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("SQLite (*.db)", "*.db"),
                new FileChooser.ExtensionFilter("*", "*.*"));
        File chosen = chooser.showSaveDialog(backUpItem.getParentPopup() == null ? null
                : backUpItem.getParentPopup().getOwnerWindow());
        if (chosen != null) {
            session.backup().backUp(chosen.toPath());
        }
    }

    @FXML
    private void openCredentialFaq() {
        FaqView.show(messages);
    }

    @FXML
    private void resetDemo() {
        viewModel.resetDemo();
    }

    /**
     * File → Quit: what closing the main window does (its close request closes every other window),
     * then the session closes in the background and the application ends, even if a stray window is
     * still open.
     */
    @FXML
    private void quit() {
        Window window = root.getScene().getWindow();
        window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
        if (window.isShowing()) {
            return; // the close request was refused
        }
        viewModel.close();
        if (Platform.isImplicitExit()) {
            Platform.exit();
        }
    }

    @FXML
    private void changeAgentName() {
        viewModel.agentName().change();
    }

    @FXML
    private void openDatabaseSettings() {
        viewModel.openDatabaseSettings();
    }

    @FXML
    private void showShortcuts() {
        viewModel.showShortcuts();
    }

    @FXML
    private void showAbout() {
        viewModel.showAbout();
    }
}
