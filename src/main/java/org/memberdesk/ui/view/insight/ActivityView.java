package org.memberdesk.ui.view.insight;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.util.StringConverter;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.BadgeCell;
import org.memberdesk.ui.view.common.FirstLoadMask;
import org.memberdesk.ui.view.common.TableColumns;
import org.memberdesk.ui.viewmodel.insight.ActivityRow;
import org.memberdesk.ui.viewmodel.insight.ActivityViewModel;

/** The audit log: filters on top, the events newest first, more read when scrolled to the end. */
public final class ActivityView {

    @FXML private Label countLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Button exportButton;
    @FXML private ComboBox<String> agentFilter;
    @FXML private TextField contactFilter;
    @FXML private ComboBox<String> actionFilter;
    @FXML private DatePicker fromFilter;
    @FXML private DatePicker toFilter;
    @FXML private Label errorLabel;
    @FXML private TableView<ActivityRow> activityTable;
    @FXML private TableColumn<ActivityRow, String> timeColumn;
    @FXML private TableColumn<ActivityRow, String> agentColumn;
    @FXML private TableColumn<ActivityRow, String> actionColumn;
    @FXML private TableColumn<ActivityRow, String> contactColumn;
    @FXML private TableColumn<ActivityRow, ActivityRow> outcomeColumn;
    @FXML private TableColumn<ActivityRow, String> detailColumn;
    @FXML private Label statusLabel;
    @FXML private Button loadMoreButton;

    private final ActivityViewModel viewModel;
    private final Parent root;

    public ActivityView(ActivityViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = FirstLoadMask.over(ViewLoader.load(this, messages), viewModel.loadingProperty(),
                messages.get("activity.loading"));
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        agentFilter.setItems(viewModel.agentChoices());
        agentFilter.valueProperty().bindBidirectional(viewModel.agentProperty());
        actionFilter.setItems(viewModel.actionChoices());
        actionFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(String action) {
                return viewModel.actionText(action);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        actionFilter.valueProperty().bindBidirectional(viewModel.actionProperty());
        contactFilter.textProperty().bindBidirectional(viewModel.contactProperty());
        fromFilter.valueProperty().bindBidirectional(viewModel.fromProperty());
        toFilter.valueProperty().bindBidirectional(viewModel.toProperty());

        activityTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumns.text(timeColumn, ActivityRow::time);
        TableColumns.text(agentColumn, ActivityRow::agent);
        TableColumns.text(actionColumn, ActivityRow::actionText);
        TableColumns.text(contactColumn, ActivityRow::contact);
        TableColumns.text(detailColumn, ActivityRow::detail);
        outcomeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        outcomeColumn.setCellFactory(column -> new BadgeCell<>(ActivityRow::outcome, ActivityRow::outcomeTone, null));
        activityTable.setItems(viewModel.rows());
        // Lazy loading: reaching the bottom of the list reads the next page.
        activityTable.skinProperty().addListener((o, before, skin) -> followScrollBar());

        countLabel.textProperty().bind(viewModel.countTextProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        exportButton.disableProperty().bind(viewModel.exportingProperty());
        loadMoreButton.visibleProperty().bind(viewModel.hasMoreProperty());
        loadMoreButton.disableProperty().bind(viewModel.loadingProperty());
    }

    private void followScrollBar() {
        if (activityTable.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.positionProperty().addListener((o, before, position) -> {
                if (position.doubleValue() >= 0.999 && viewModel.hasMoreProperty().get()) {
                    viewModel.loadMore();
                }
            });
        }
    }

    @FXML
    private void exportCsv() {
        viewModel.exportCsv();
    }

    @FXML
    private void refresh() {
        viewModel.load();
    }

    @FXML
    private void loadMore() {
        viewModel.loadMore();
    }

    @FXML
    private void clearFilters() {
        viewModel.clearFilters();
    }
}
