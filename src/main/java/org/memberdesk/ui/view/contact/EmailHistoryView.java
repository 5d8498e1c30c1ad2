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
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.BadgeCell;
import org.memberdesk.ui.view.common.ContentOnDemand;
import org.memberdesk.ui.view.common.HtmlPreview;
import org.memberdesk.ui.view.common.TableColumns;
import org.memberdesk.ui.view.common.ToneStyles;
import org.memberdesk.ui.viewmodel.contact.EmailFilter;
import org.memberdesk.ui.viewmodel.contact.EmailHistoryViewModel;
import org.memberdesk.ui.viewmodel.contact.EmailRow;
import org.memberdesk.ui.viewmodel.contact.LinkLine;
import org.memberdesk.ui.viewmodel.contact.OpenedEmail;

/** The Email History tab: filters, the list, and the selected email opened below it with Retry. */
public final class EmailHistoryView {

    @FXML private ComboBox<EmailFilter> kindFilter;
    @FXML private ComboBox<EmailFilter> statusFilter;
    @FXML private Label countLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Button copyLoginButton;
    @FXML private Label copyHint;

    @FXML private TableView<EmailRow> emailTable;
    @FXML private TableColumn<EmailRow, String> emailTimeColumn;
    @FXML private TableColumn<EmailRow, EmailRow> emailKindColumn;
    @FXML private TableColumn<EmailRow, String> emailAboutColumn;
    @FXML private TableColumn<EmailRow, String> emailSubjectColumn;
    @FXML private TableColumn<EmailRow, EmailRow> emailStatusColumn;
    @FXML private TableColumn<EmailRow, String> emailSentByColumn;
    @FXML private Label emptyLabel;

    @FXML private Label noSelectionLabel;
    @FXML private BorderPane detailPane;
    @FXML private Label subjectLabel;
    @FXML private Label statusBadge;
    @FXML private Label originalBadge;
    @FXML private Button retryButton;
    @FXML private Label retryHint;
    @FXML private Label toLabel;
    @FXML private Label kindLabel;
    @FXML private Label sentByLabel;
    @FXML private Label createdLabel;
    @FXML private Label sentLabel;
    @FXML private Label attemptsLabel;
    @FXML private Label nextTryLabel;
    @FXML private Label replyLabel;
    @FXML private Label messageIdLabel;
    @FXML private VBox linksBox;
    @FXML private StackPane htmlHolder;
    @FXML private TextArea textBody;
    @FXML private Tab textTab;

    private final EmailHistoryViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    // Links in a stored body are hidden: a click on one goes nowhere. Made when the first email opens.
    private HtmlPreview html;

    public EmailHistoryView(EmailHistoryViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        bindToolbar();
        bindTable();
        bindDetail();
    }

    private void bindToolbar() {
        kindFilter.setItems(viewModel.kindChoices());
        kindFilter.valueProperty().bindBidirectional(viewModel.kindFilterProperty());
        statusFilter.setItems(viewModel.statusChoices());
        statusFilter.valueProperty().bindBidirectional(viewModel.statusFilterProperty());
        countLabel.textProperty().bind(viewModel.countTextProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        copyLoginButton.disableProperty().bind(viewModel.copyingProperty());
        copyLoginButton.setTooltip(new Tooltip(messages.get("history.copyLogin.when")));
    }

    private void bindTable() {
        emailTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumns.text(emailTimeColumn, EmailRow::time);
        TableColumns.text(emailAboutColumn, EmailRow::about);
        TableColumns.text(emailSubjectColumn, EmailRow::subject);
        TableColumns.text(emailSentByColumn, EmailRow::sentBy);
        emailKindColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        emailKindColumn.setCellFactory(column -> new KindCell(messages));
        emailStatusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        emailStatusColumn.setCellFactory(column -> new BadgeCell<>(EmailRow::status, EmailRow::statusTone,
                this::deliveryDetails));
        emailTable.setItems(viewModel.rows());
        emptyLabel.textProperty().bind(viewModel.emptyTextProperty());

        emailTable.getSelectionModel().selectedItemProperty().addListener((o, before, row) -> {
            if (row != null || viewModel.rows().isEmpty()) {
                viewModel.selectedProperty().set(row);
            }
        });
        viewModel.selectedProperty().addListener((o, before, row) -> showSelected());
        // A refreshed list replaces its rows, which clears the table's selection: put it back.
        viewModel.rows().addListener((ListChangeListener<EmailRow>) change -> showSelected());
    }

    private void showSelected() {
        EmailRow row = viewModel.selectedProperty().get();
        if (row == null) {
            emailTable.getSelectionModel().clearSelection();
        } else if (!row.equals(emailTable.getSelectionModel().getSelectedItem())) {
            emailTable.getSelectionModel().select(row);
        }
    }

    private String deliveryDetails(EmailRow row) {
        String attempts = messages.get("emails.attempts", row.attempts());
        return row.reply().isEmpty() ? attempts : attempts + "\n" + row.reply();
    }

    private void bindDetail() {
        detailPane.visibleProperty().bind(viewModel.openedProperty().isNotNull());
        noSelectionLabel.visibleProperty().bind(viewModel.openedProperty().isNull());
        retryButton.disableProperty().bind(Bindings.not(viewModel.canRetry()));
        viewModel.openedProperty().addListener((o, before, now) -> showOpened(now));
        showOpened(viewModel.openedProperty().get());
        // the detail joins the scene when the first email opens, after the list; its plain text when chosen
        ContentOnDemand.node(detailPane, detailPane.visibleProperty());
        ContentOnDemand.tab(textTab);
    }

    private void showOpened(OpenedEmail email) {
        if (email == null) {
            return;
        }
        subjectLabel.setText(email.subject());
        subjectLabel.setTooltip(new Tooltip(email.subject()));
        statusBadge.setText(email.status());
        ToneStyles.apply(statusBadge, email.statusTone());
        originalBadge.setVisible(email.original());
        originalBadge.setManaged(email.original());
        originalBadge.setTooltip(new Tooltip(messages.get("history.original.tooltip")));
        toLabel.setText(email.recipient());
        kindLabel.setText(email.about().isEmpty() ? email.kind()
                : messages.get("detail.kindAbout", email.kind(), email.about()));
        sentByLabel.setText(email.sentBy());
        createdLabel.setText(email.created());
        sentLabel.setText(email.sent());
        attemptsLabel.setText(email.attempts());
        nextTryLabel.setText(email.nextTry());
        replyLabel.setText(email.reply());
        replyLabel.getStyleClass().remove("reply-failed");
        if (email.retryable()) {
            replyLabel.getStyleClass().add("reply-failed");
        }
        messageIdLabel.setText(email.messageId());
        linksBox.getChildren().setAll(email.links().isEmpty()
                ? List.of(muted(messages.get("link.none")))
                : email.links().stream().map(this::linkLine).toList());
        preview().show(email.html());
        textBody.setText(email.text());
    }

    /** Made when the first email opens: a web view is costly to start, and the list shows without it. */
    private HtmlPreview preview() {
        if (html == null) {
            html = new HtmlPreview(null);
            htmlHolder.getChildren().setAll(html.node());
        }
        return html;
    }

    private Node linkLine(LinkLine link) {
        Label purpose = new Label(link.purpose());
        Label state = new Label(link.state());
        state.getStyleClass().add("badge");
        ToneStyles.apply(state, link.stateTone());
        HBox top = new HBox(8, purpose, state);
        top.setAlignment(Pos.CENTER_LEFT);
        Label dates = muted(link.dates());
        dates.setWrapText(true);
        return new VBox(2, top, dates);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    @FXML
    private void retry() {
        viewModel.retry();
    }

    @FXML
    private void copyLoginDetails() {
        viewModel.copyLoginDetails();
    }

    /** The kind of an email, with an "Original" badge on the first membership welcome email of its offer. */
    private static final class KindCell extends TableCell<EmailRow, EmailRow> {

        private final Label badge = new Label();

        KindCell(Messages messages) {
            badge.setText(messages.get("history.original"));
            badge.getStyleClass().addAll("badge", "original-badge");
            badge.setTooltip(new Tooltip(messages.get("history.original.tooltip")));
            setContentDisplay(ContentDisplay.RIGHT);
            setGraphicTextGap(8);
        }

        @Override
        protected void updateItem(EmailRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(item.kind());
            setGraphic(item.original() ? badge : null);
        }
    }
}
