package org.memberdesk.ui.view.workflow;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.BadgeCell;
import org.memberdesk.ui.view.common.TableColumns;
import org.memberdesk.ui.viewmodel.workflow.RunRow;
import org.memberdesk.ui.viewmodel.workflow.StepRow;
import org.memberdesk.ui.viewmodel.workflow.WorkflowRow;
import org.memberdesk.ui.viewmodel.workflow.WorkflowsViewModel;

/** The Workflows window: the list on top, the selected workflow's run log under it, Test on contact at the bottom. */
public final class WorkflowsView {

    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button editButton;
    @FXML private Button enableButton;
    @FXML private Button disableButton;
    @FXML private Label errorLabel;
    @FXML private TableView<WorkflowRow> workflowTable;
    @FXML private TableColumn<WorkflowRow, String> nameColumn;
    @FXML private TableColumn<WorkflowRow, WorkflowRow> stateColumn;
    @FXML private TableColumn<WorkflowRow, String> triggerColumn;
    @FXML private TableColumn<WorkflowRow, String> runsColumn;
    @FXML private TableColumn<WorkflowRow, String> lastRunColumn;
    @FXML private Label runLogTitle;
    @FXML private Label summaryLabel;
    @FXML private Label runLogEmpty;
    @FXML private TableView<RunRow> runTable;
    @FXML private TableColumn<RunRow, String> runStartedColumn;
    @FXML private TableColumn<RunRow, String> runContactColumn;
    @FXML private TableColumn<RunRow, String> runModeColumn;
    @FXML private TableColumn<RunRow, RunRow> runStatusColumn;
    @FXML private TableColumn<RunRow, String> runFinishedColumn;
    @FXML private TableView<StepRow> stepTable;
    @FXML private TableColumn<StepRow, String> stepNumberColumn;
    @FXML private TableColumn<StepRow, String> stepColumn;
    @FXML private TableColumn<StepRow, StepRow> stepStatusColumn;
    @FXML private TableColumn<StepRow, String> stepOutcomeColumn;
    @FXML private TableColumn<StepRow, String> stepWhenColumn;
    @FXML private TextField testEmailField;
    @FXML private Button testButton;
    @FXML private ProgressIndicator testingIndicator;
    @FXML private Label testErrorLabel;
    @FXML private Label testResultLabel;
    @FXML private TableView<StepRow> testStepTable;
    @FXML private TableColumn<StepRow, String> testNumberColumn;
    @FXML private TableColumn<StepRow, String> testStepColumn;
    @FXML private TableColumn<StepRow, StepRow> testStatusColumn;
    @FXML private TableColumn<StepRow, String> testOutcomeColumn;

    private final WorkflowsViewModel viewModel;
    private final Parent root;

    public WorkflowsView(WorkflowsViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        bindList();
        bindRunLog();
        bindTest();
    }

    private void bindList() {
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        workflowTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumns.text(nameColumn, WorkflowRow::name);
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        stateColumn.setCellFactory(c -> new BadgeCell<>(WorkflowRow::state, WorkflowRow::stateTone, null));
        TableColumns.text(triggerColumn, WorkflowRow::trigger);
        TableColumns.text(runsColumn, WorkflowRow::runs);
        TableColumns.text(lastRunColumn, WorkflowRow::lastRun);
        workflowTable.setItems(viewModel.rows());
        workflowTable.getSelectionModel().selectedItemProperty().addListener((o, before, row) -> {
            if (row != null) {
                viewModel.selectedProperty().set(row);
            }
        });
        viewModel.selectedProperty().addListener((o, before, row) -> showSelected(row));
        viewModel.rows().addListener((ListChangeListener<WorkflowRow>) change ->
                showSelected(viewModel.selectedProperty().get()));
        workflowTable.setRowFactory(table -> {
            TableRow<WorkflowRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.editSelected();
                }
            });
            return row;
        });
        editButton.disableProperty().bind(viewModel.selectedProperty().isNull());
        enableButton.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.selectedProperty().get() == null
                || viewModel.selectedProperty().get().enabled(), viewModel.selectedProperty()));
        disableButton.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.selectedProperty().get() == null
                || !viewModel.selectedProperty().get().enabled(), viewModel.selectedProperty()));
        summaryLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.selectedProperty().get() == null
                ? "" : viewModel.selectedProperty().get().summary(), viewModel.selectedProperty()));
    }

    private void showSelected(WorkflowRow row) {
        if (row == null) {
            workflowTable.getSelectionModel().clearSelection();
        } else if (!row.equals(workflowTable.getSelectionModel().getSelectedItem())) {
            workflowTable.getSelectionModel().select(row);
        }
    }

    private void bindRunLog() {
        runLogTitle.textProperty().bind(viewModel.runLogTitleProperty());
        runLogEmpty.textProperty().bind(viewModel.runLogEmptyProperty());
        runTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumns.text(runStartedColumn, RunRow::started);
        TableColumns.text(runContactColumn, RunRow::contact);
        TableColumns.text(runModeColumn, RunRow::mode);
        runStatusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        runStatusColumn.setCellFactory(c -> new BadgeCell<>(RunRow::status, RunRow::statusTone, RunRow::outcome));
        TableColumns.text(runFinishedColumn, RunRow::finished);
        runTable.setItems(viewModel.runs());
        runTable.getSelectionModel().selectedItemProperty().addListener((o, before, row) -> {
            if (row != null) {
                viewModel.selectedRunProperty().set(row);
            }
        });
        viewModel.selectedRunProperty().addListener((o, before, row) -> showSelectedRun(row));
        viewModel.runs().addListener((ListChangeListener<RunRow>) change ->
                showSelectedRun(viewModel.selectedRunProperty().get()));
        steps(stepTable, stepNumberColumn, stepColumn, stepStatusColumn, stepOutcomeColumn);
        TableColumns.text(stepWhenColumn, StepRow::time);
        stepTable.setItems(viewModel.runSteps());
    }

    private void showSelectedRun(RunRow row) {
        if (row == null) {
            runTable.getSelectionModel().clearSelection();
        } else if (!row.equals(runTable.getSelectionModel().getSelectedItem())) {
            runTable.getSelectionModel().select(row);
        }
    }

    private static void steps(TableView<StepRow> table, TableColumn<StepRow, String> number,
                              TableColumn<StepRow, String> step, TableColumn<StepRow, StepRow> status,
                              TableColumn<StepRow, String> outcome) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumns.text(number, StepRow::number);
        TableColumns.text(step, StepRow::step);
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        status.setCellFactory(c -> new BadgeCell<>(StepRow::status, StepRow::statusTone, StepRow::outcome));
        TableColumns.text(outcome, StepRow::outcome);
    }

    private void bindTest() {
        testEmailField.textProperty().bindBidirectional(viewModel.testEmailProperty());
        testEmailField.setOnAction(event -> viewModel.testOnContact());
        testButton.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.testingProperty()));
        testingIndicator.visibleProperty().bind(viewModel.testingProperty());
        testErrorLabel.textProperty().bind(viewModel.testErrorProperty());
        testErrorLabel.visibleProperty().bind(viewModel.testErrorProperty().isNotEmpty());
        testErrorLabel.managedProperty().bind(testErrorLabel.visibleProperty());
        testResultLabel.textProperty().bind(viewModel.testResultProperty());
        testResultLabel.visibleProperty().bind(viewModel.testResultProperty().isNotEmpty());
        testResultLabel.managedProperty().bind(testResultLabel.visibleProperty());
        steps(testStepTable, testNumberColumn, testStepColumn, testStatusColumn, testOutcomeColumn);
        testStepTable.setItems(viewModel.testSteps());
        testStepTable.visibleProperty().bind(Bindings.isNotEmpty(viewModel.testSteps()));
        testStepTable.managedProperty().bind(testStepTable.visibleProperty());
    }

    @FXML
    private void newWorkflow() {
        viewModel.newWorkflow();
    }

    @FXML
    private void editWorkflow() {
        viewModel.editSelected();
    }

    @FXML
    private void enableWorkflow() {
        viewModel.enableSelected();
    }

    @FXML
    private void disableWorkflow() {
        viewModel.disableSelected();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void testOnContact() {
        viewModel.testOnContact();
    }
}
