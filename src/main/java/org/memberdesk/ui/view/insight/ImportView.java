package org.memberdesk.ui.view.insight;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.memberdesk.ui.common.Messages;
import org.controlsfx.control.TaskProgressView;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.BadgeCell;
import org.memberdesk.ui.view.common.TableColumns;
import org.memberdesk.ui.view.common.ViewModelTask;
import org.memberdesk.ui.viewmodel.Tone;
import org.memberdesk.ui.viewmodel.insight.ImportViewModel;
import org.memberdesk.ui.viewmodel.insight.ImportViewModel.State;
import org.memberdesk.ui.viewmodel.insight.ProblemRow;

/** Import contacts: choose a file, read the preview, import with its progress in a task list (Cancel there or in the footer). */
public final class ImportView {

    @FXML private Button chooseButton;
    @FXML private Label fileLabel;
    @FXML private Label summaryLabel;
    @FXML private Label unknownColumnsLabel;
    @FXML private Label welcomeLabel;
    @FXML private CheckBox noTriggersCheck;
    @FXML private Label errorLabel;
    @FXML private Label resultLabel;
    @FXML private TableView<ProblemRow> problemTable;
    @FXML private TableColumn<ProblemRow, String> lineColumn;
    @FXML private TableColumn<ProblemRow, ProblemRow> kindColumn;
    @FXML private TableColumn<ProblemRow, String> emailColumn;
    @FXML private TableColumn<ProblemRow, String> reasonColumn;
    @FXML private Label problemsPlaceholder;
    @FXML private Button suggestionButton;
    @FXML private Button allSuggestionsButton;
    @FXML private TaskProgressView<Task<?>> progressView;
    @FXML private Button cancelButton;
    @FXML private Button importButton;
    @FXML private Button closeButton;

    private final ImportViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    private Runnable onClose = () -> { };

    public ImportView(ImportViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    public void setOnClose(Runnable action) {
        onClose = action;
    }

    @FXML
    private void initialize() {
        fileLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.fileProperty().get().isEmpty()
                ? messages.get("import.noFile") : viewModel.fileProperty().get(), viewModel.fileProperty()));
        shown(summaryLabel, viewModel.summaryProperty());
        shown(unknownColumnsLabel, viewModel.unknownColumnsProperty());
        shown(welcomeLabel, viewModel.welcomeEmailsProperty());
        shown(errorLabel, viewModel.errorProperty());
        shown(resultLabel, viewModel.resultProperty());
        noTriggersCheck.selectedProperty().bindBidirectional(viewModel.noTriggersProperty());
        noTriggersCheck.disableProperty().bind(viewModel.stateProperty().isNotEqualTo(State.PREVIEWED));

        problemTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumns.text(lineColumn, row -> Integer.toString(row.line()));
        TableColumns.text(emailColumn, ProblemRow::email);
        TableColumns.text(reasonColumn, ProblemRow::reason);
        kindColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        kindColumn.setCellFactory(column -> new BadgeCell<>(
                row -> messages.get(row.error() ? "import.problem.error" : "import.problem.notice"),
                row -> row.error() ? Tone.BAD : Tone.NEUTRAL, null));
        problemTable.setItems(viewModel.problems());
        problemsPlaceholder.textProperty().bind(Bindings.when(viewModel.stateProperty().isEqualTo(State.PREVIEWED)
                .or(viewModel.stateProperty().isEqualTo(State.IMPORTED)))
                .then(messages.get("import.problems.empty")).otherwise(""));

        ViewModelTask.follow(progressView, messages.get("import.task.title"), viewModel.busyProperty(),
                viewModel.progressProperty(), viewModel.progressTextProperty(), viewModel::cancel);
        progressView.visibleProperty().bind(Bindings.isNotEmpty(progressView.getTasks()));
        progressView.managedProperty().bind(progressView.visibleProperty());
        chooseButton.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.busyProperty().get(),
                viewModel.busyProperty()));
        cancelButton.visibleProperty().bind(chooseButton.disableProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        javafx.beans.binding.BooleanBinding suggestions = Bindings.createBooleanBinding(() ->
                viewModel.stateProperty().get() == State.PREVIEWED
                        && viewModel.problems().stream().anyMatch(row -> row.suggestedEmail() != null),
                viewModel.stateProperty(), viewModel.problems());
        allSuggestionsButton.visibleProperty().bind(suggestions);
        allSuggestionsButton.managedProperty().bind(suggestions);
        suggestionButton.visibleProperty().bind(suggestions);
        suggestionButton.managedProperty().bind(suggestions);
        suggestionButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ProblemRow selected = problemTable.getSelectionModel().getSelectedItem();
            return selected == null || selected.suggestedEmail() == null;
        }, problemTable.getSelectionModel().selectedItemProperty()));
        importButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !viewModel.canImportProperty().get(), viewModel.canImportProperty()));
    }

    private static void shown(Label label, ReadOnlyStringProperty text) {
        label.textProperty().bind(text);
        hideWhenEmpty(label);
    }

    private static void hideWhenEmpty(Node node) {
        if (node instanceof Label label) {
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
            label.managedProperty().bind(label.visibleProperty());
        }
    }

    @FXML
    private void chooseFile() {
        viewModel.chooseFile();
    }

    @FXML
    private void useSuggestion() {
        viewModel.takeSuggestion(problemTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void useAllSuggestions() {
        viewModel.takeAllSuggestions();
    }

    @FXML
    private void importRows() {
        viewModel.importRows();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void close() {
        onClose.run();
    }
}
