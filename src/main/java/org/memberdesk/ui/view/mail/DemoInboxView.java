package org.memberdesk.ui.view.mail;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.HtmlPreview;
import org.memberdesk.ui.view.common.TableColumns;
import org.memberdesk.ui.viewmodel.mail.DemoInboxViewModel;
import org.memberdesk.ui.viewmodel.mail.InboxMessage;
import org.memberdesk.ui.viewmodel.mail.InboxRow;

/** Inbox (demo): received messages on the left, the selected one rendered on the right with its links. */
public final class DemoInboxView {

    @FXML private Label countLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Button refreshButton;
    @FXML private TableView<InboxRow> inboxTable;
    @FXML private TableColumn<InboxRow, String> receivedColumn;
    @FXML private TableColumn<InboxRow, String> toColumn;
    @FXML private TableColumn<InboxRow, String> subjectColumn;
    @FXML private Label emptyLabel;
    @FXML private Label noSelectionLabel;
    @FXML private BorderPane messagePane;
    @FXML private Label subjectLabel;
    @FXML private Label fromLabel;
    @FXML private Label toLabel;
    @FXML private Label receivedLabel;
    @FXML private Label errorLabel;
    @FXML private TabPane bodyTabs;
    @FXML private Tab renderedTab;
    @FXML private Tab textTab;
    @FXML private StackPane htmlHolder;
    @FXML private TextArea textBody;
    @FXML private VBox linksBox;

    private final DemoInboxViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    private HtmlPreview html;

    public DemoInboxView(DemoInboxViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        countLabel.textProperty().bind(viewModel.countTextProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        inboxTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumns.text(receivedColumn, InboxRow::received);
        TableColumns.text(toColumn, InboxRow::to);
        TableColumns.text(subjectColumn, InboxRow::subject);
        inboxTable.setItems(viewModel.rows());
        emptyLabel.textProperty().bind(viewModel.emptyTextProperty());
        inboxTable.getSelectionModel().selectedItemProperty().addListener((o, before, row) -> {
            if (row != null) {
                viewModel.selectedProperty().set(row);
            }
        });
        viewModel.selectedProperty().addListener((o, before, row) -> showSelected(row));
        // A refreshed list replaces its rows, which clears the table's selection: put it back.
        viewModel.rows().addListener((ListChangeListener<InboxRow>) change ->
                showSelected(viewModel.selectedProperty().get()));
        showSelected(viewModel.selectedProperty().get());

        // A click on a link in the message opens it in the browser, as in a mail program.
        html = new HtmlPreview(viewModel::openLink);
        htmlHolder.getChildren().setAll(html.node());
        messagePane.visibleProperty().bind(viewModel.openedProperty().isNotNull());
        noSelectionLabel.visibleProperty().bind(viewModel.openedProperty().isNull());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        viewModel.openedProperty().addListener((o, before, now) -> showMessage(now));
        showMessage(viewModel.openedProperty().get());
    }

    private void showSelected(InboxRow row) {
        if (row == null) {
            inboxTable.getSelectionModel().clearSelection();
        } else if (!row.equals(inboxTable.getSelectionModel().getSelectedItem())) {
            inboxTable.getSelectionModel().select(row);
        }
    }

    private void showMessage(InboxMessage message) {
        if (message == null) {
            return;
        }
        subjectLabel.setText(message.subject());
        fromLabel.setText(message.from());
        toLabel.setText(message.to());
        receivedLabel.setText(message.received());
        html.show(message.html());
        // A plain-text message has nothing to render: show its text.
        bodyTabs.getSelectionModel().select(message.html().isBlank() ? textTab : renderedTab);
        textBody.setText(message.text());
        linksBox.getChildren().setAll(message.links().isEmpty()
                ? List.of(muted(messages.get("inbox.links.none")))
                : message.links().stream().map(this::link).toList());
    }

    private Node link(String url) {
        Hyperlink link = new Hyperlink(url);
        link.setTooltip(new Tooltip(messages.get("inbox.links.open", url)));
        link.setOnAction(event -> viewModel.openLink(url));
        link.getStyleClass().add("inbox-link");
        return link;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }
}
