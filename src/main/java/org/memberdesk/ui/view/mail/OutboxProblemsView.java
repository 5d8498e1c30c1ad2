package org.memberdesk.ui.view.mail;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.view.common.TableColumns;
import org.memberdesk.ui.viewmodel.mail.OutboxProblemRow;
import org.memberdesk.ui.viewmodel.mail.OutboxProblemsViewModel;

/**
 * Outbox problems: filters on top, the failed and retrying emails in a table (Enter or a double
 * click opens the contact), the retry buttons and Retry all's progress below.
 */
public final class OutboxProblemsView {

    private final OutboxProblemsViewModel viewModel;
    private final Messages messages;
    private final VBox root = new VBox(10);
    private final TableView<OutboxProblemRow> table = new TableView<>();
    private boolean syncing;

    public OutboxProblemsView(OutboxProblemsViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        Label heading = new Label(messages.get("outboxProblems.heading"));
        heading.getStyleClass().add("title-3");
        Label description = new Label(messages.get("outboxProblems.description"));
        description.setWrapText(true);
        description.getStyleClass().add("text-muted");

        ComboBox<OutboxProblemsViewModel.KindChoice> kind = new ComboBox<>(viewModel.kinds());
        kind.setId("kindFilter");
        kind.valueProperty().bindBidirectional(viewModel.kindProperty());
        DatePicker since = new DatePicker();
        since.setId("sinceFilter");
        since.valueProperty().bindBidirectional(viewModel.sinceProperty());
        DatePicker until = new DatePicker();
        until.setId("untilFilter");
        until.valueProperty().bindBidirectional(viewModel.untilProperty());
        Label count = new Label();
        count.setId("problemCount");
        count.textProperty().bind(viewModel.countTextProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox filters = new HBox(8, new Label(messages.get("outboxProblems.kind")), kind,
                new Label(messages.get("outboxProblems.since")), since,
                new Label(messages.get("outboxProblems.until")), until, gap, count);
        filters.setAlignment(Pos.CENTER_LEFT);

        table.setId("problemTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("outboxProblems.column.time", OutboxProblemRow::time, 150),
                column("outboxProblems.column.contact", OutboxProblemRow::contact, 230),
                column("outboxProblems.column.kind", OutboxProblemRow::kind, 150),
                column("outboxProblems.column.status", this::status, 150),
                column("outboxProblems.column.attempts", OutboxProblemRow::attempts, 90),
                column("outboxProblems.column.reply", OutboxProblemRow::reply, 360)));
        table.setItems(viewModel.rows());
        table.setPlaceholder(new Label(messages.get("outboxProblems.empty")));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<OutboxProblemRow>) change -> {
            if (!syncing) {
                viewModel.selected().setAll(table.getSelectionModel().getSelectedItems());
            }
        });
        // A refreshed list replaces its rows; the view model keeps the emails still listed selected.
        viewModel.selected().addListener((ListChangeListener<OutboxProblemRow>) change -> showSelected());
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.openContact();
                event.consume();
            }
        });
        table.setRowFactory(t -> {
            TableRow<OutboxProblemRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.openContact();
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button open = new Button(messages.get("outboxProblems.openContact"));
        open.setId("openContactButton");
        open.disableProperty().bind(Bindings.isEmpty(viewModel.selected()));
        open.setOnAction(event -> viewModel.openContact());
        open.setTooltip(new Tooltip(messages.get("outboxProblems.openContact.hint")));
        Button retrySelected = new Button(messages.get("outboxProblems.retrySelected"));
        retrySelected.setId("retrySelectedButton");
        retrySelected.disableProperty().bind(viewModel.retrySelectedCommand().executableProperty().not());
        retrySelected.setOnAction(event -> viewModel.retrySelected());
        retrySelected.setTooltip(new Tooltip(messages.get("outboxProblems.retrySelected.hint")));
        Button retryAll = new Button(messages.get("outboxProblems.retryAll"));
        retryAll.setId("retryAllButton");
        retryAll.disableProperty().bind(viewModel.retryAllCommand().executableProperty().not()
                .or(viewModel.planCommand().runningProperty()));
        retryAll.setOnAction(event -> viewModel.retryAll());
        retryAll.setTooltip(new Tooltip(messages.get("outboxProblems.retryAll.hint")));
        ComboBox<OutboxProblemsViewModel.PaceChoice> pace = new ComboBox<>(viewModel.paces());
        pace.setId("paceChoice");
        pace.valueProperty().bindBidirectional(viewModel.paceProperty());
        pace.disableProperty().bind(viewModel.retryAllCommand().runningProperty());
        Label paceLabel = new Label(messages.get("outboxProblems.pace"));
        paceLabel.setLabelFor(pace);
        ProgressBar progress = new ProgressBar();
        progress.setId("retryProgress");
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.retryAllCommand().runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Button cancel = new Button(messages.get("outboxProblems.cancel"));
        cancel.setId("cancelRetryButton");
        cancel.visibleProperty().bind(viewModel.retryAllCommand().runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.disableProperty().bind(viewModel.cancellingProperty());
        cancel.setOnAction(event -> viewModel.cancel());
        Label status = new Label();
        status.setId("retryStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        HBox actions = new HBox(8, open, retrySelected, paceLabel, pace, retryAll, progress, cancel, status);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("problemError");
        error.setWrapText(true);
        error.getStyleClass().add("danger");
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        root.getChildren().setAll(heading, description, filters, error, table, actions);
        root.setPadding(new Insets(16));
    }

    /** A hard bounce says so where the agent looks first: check the address before retrying. */
    private String status(OutboxProblemRow row) {
        return row.hardBounce() ? messages.get("outboxProblems.hardBounce", row.status()) : row.status();
    }

    private TableColumn<OutboxProblemRow, String> column(String key, Function<OutboxProblemRow, String> value,
                                                         double width) {
        TableColumn<OutboxProblemRow, String> column = new TableColumn<>(messages.get(key));
        column.setPrefWidth(width);
        TableColumns.text(column, value);
        return column;
    }

    private void showSelected() {
        if (syncing || table.getSelectionModel().getSelectedItems().equals(viewModel.selected())) {
            return;
        }
        syncing = true;
        try {
            table.getSelectionModel().clearSelection();
            for (OutboxProblemRow row : viewModel.selected()) {
                table.getSelectionModel().select(row);
            }
        } finally {
            syncing = false;
        }
    }
}
