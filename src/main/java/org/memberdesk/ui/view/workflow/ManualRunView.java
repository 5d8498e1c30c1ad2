package org.memberdesk.ui.view.workflow;

import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import org.memberdesk.ui.common.Messages;
import org.controlsfx.control.TaskProgressView;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.ViewModelTask;
import org.memberdesk.ui.viewmodel.workflow.ManualRunViewModel;

/** Run workflow: which Manual workflow, on the chosen contacts or the search, its progress in a task list and the summary. */
public final class ManualRunView {

    @FXML private ComboBox<String> workflowBox;
    @FXML private RadioButton chosenRadio;
    @FXML private RadioButton searchRadio;
    @FXML private TaskProgressView<Task<?>> progressView;
    @FXML private Label summaryLabel;
    @FXML private Label errorLabel;
    @FXML private Button runButton;

    private final ManualRunViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    private Runnable onClose = () -> { };

    public ManualRunView(ManualRunViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    public void onClose(Runnable action) {
        this.onClose = action;
    }

    @FXML
    private void initialize() {
        workflowBox.setItems(viewModel.manualWorkflows());
        workflowBox.valueProperty().bindBidirectional(viewModel.workflowProperty());
        workflowBox.disableProperty().bind(viewModel.runningProperty());
        chosenRadio.textProperty().bind(viewModel.chosenTextProperty());
        searchRadio.textProperty().bind(viewModel.searchTextProperty());
        chosenRadio.disableProperty().bind(viewModel.chosenAvailableProperty().not().or(viewModel.runningProperty()));
        searchRadio.disableProperty().bind(viewModel.searchAvailableProperty().not().or(viewModel.runningProperty()));
        searchRadio.setSelected(viewModel.onSearchProperty().get());
        chosenRadio.setSelected(!viewModel.onSearchProperty().get());
        searchRadio.selectedProperty().addListener((o, before, now) -> viewModel.onSearchProperty().set(now));
        viewModel.onSearchProperty().addListener((o, before, now) -> {
            searchRadio.setSelected(now);
            chosenRadio.setSelected(!now);
        });
        ViewModelTask.follow(progressView, messages.get("manualRun.task.title"), viewModel.runningProperty(),
                viewModel.progressProperty(), viewModel.progressTextProperty(), null);
        progressView.visibleProperty().bind(Bindings.isNotEmpty(progressView.getTasks()));
        progressView.managedProperty().bind(progressView.visibleProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        runButton.disableProperty().bind(viewModel.runningProperty());
    }

    @FXML
    private void run() {
        viewModel.run();
    }

    @FXML
    private void close() {
        onClose.run();
    }
}
