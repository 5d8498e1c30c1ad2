package org.memberdesk.ui.view.console;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Notification;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.util.Duration;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel;
import org.memberdesk.ui.viewmodel.console.ConsoleViewModel.Phase;
import org.memberdesk.ui.viewmodel.console.ContactRow;
import org.memberdesk.ui.viewmodel.console.ContactSearchViewModel;

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

    private final ConsoleViewModel viewModel;
    private final ContactSearchViewModel search;
    private final Messages messages;
    private final Parent root;

    public ConsoleView(ConsoleViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.search = viewModel.search();
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

    @FXML
    private void initialize() {
        bindSearchField();
        bindContactTable();
        bindProgress();
        bindStatusBar();
        bindNotification();
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
            contactTable.getSelectionModel().select(row);
        }
        int index = contactTable.getSelectionModel().getSelectedIndex();
        if (index >= 0 && contactTable.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        }
    }

    private void bindProgress() {
        progressOverlay.visibleProperty().bind(viewModel.phaseProperty().isNotEqualTo(Phase.READY));
        progressIndicator.visibleProperty().bind(viewModel.phaseProperty().isNotEqualTo(Phase.FAILED));
        progressIndicator.managedProperty().bind(progressIndicator.visibleProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
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

    private void bindNotification() {
        notification.messageProperty().bind(viewModel.notificationProperty());
        notification.visibleProperty().bind(viewModel.notificationProperty().isNotEmpty());
        notification.managedProperty().bind(notification.visibleProperty());
        notification.setOnClose(event -> viewModel.dismissNotification());
        PauseTransition autoHide = new PauseTransition(Duration.seconds(8));
        autoHide.setOnFinished(event -> viewModel.dismissNotification());
        viewModel.notificationProperty().addListener((o, before, now) -> {
            if (now != null && !now.isEmpty()) {
                autoHide.playFromStart();
            }
        });
    }
}
