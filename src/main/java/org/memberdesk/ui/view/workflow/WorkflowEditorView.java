package org.memberdesk.ui.view.workflow;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.FieldMarks;
import org.memberdesk.ui.viewmodel.workflow.ActionItem;
import org.memberdesk.ui.viewmodel.workflow.Choice;
import org.memberdesk.ui.viewmodel.workflow.FilterItem;
import org.memberdesk.ui.viewmodel.workflow.WorkflowEditorViewModel;

/**
 * The workflow editor: name, state and trigger on top, then one row per filter and one per step
 * (each with the fields its kind needs and Move up / Move down / Remove), what the service found
 * wrong above the form. Row controls carry ids such as {@code actionKind1}, counted from 1.
 */
public final class WorkflowEditorView {

    @FXML private Label titleLabel;
    @FXML private VBox problemsBox;
    @FXML private VBox problemList;
    @FXML private TextField nameField;
    @FXML private CheckBox enabledBox;
    @FXML private ComboBox<Choice> triggerBox;
    @FXML private HBox triggerOffersBox;
    @FXML private TextField triggerOffersField;
    @FXML private HBox triggerTagBox;
    @FXML private TextField triggerTagField;
    @FXML private HBox triggerFailuresBox;
    @FXML private TextField failuresField;
    @FXML private TextField withinField;
    @FXML private Label offersHint;
    @FXML private Label noFiltersLabel;
    @FXML private VBox filtersBox;
    @FXML private Label noActionsLabel;
    @FXML private VBox actionsBox;
    @FXML private ProgressIndicator savingIndicator;
    @FXML private Button saveButton;
    @FXML private Hyperlink reloadLink;

    private final WorkflowEditorViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    private Runnable onCancel = () -> { };

    public WorkflowEditorView(WorkflowEditorViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    /** What Cancel does (the stage closes itself). */
    public void onCancel(Runnable action) {
        this.onCancel = action;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        FieldMarks marks = new FieldMarks();
        marks.mark(nameField, viewModel.nameError());
        marks.mark(failuresField, viewModel.failuresError());
        marks.mark(withinField, viewModel.withinMinutesError());
        enabledBox.selectedProperty().bindBidirectional(viewModel.enabledProperty());
        triggerBox.setItems(FXCollections.observableArrayList(viewModel.triggerChoices()));
        triggerBox.valueProperty().bindBidirectional(viewModel.triggerProperty());
        shows(triggerOffersBox, viewModel.triggerHasOffersProperty());
        shows(triggerTagBox, viewModel.triggerHasTagProperty());
        shows(triggerFailuresBox, viewModel.triggerHasFailuresProperty());
        triggerOffersField.textProperty().bindBidirectional(viewModel.triggerOffersProperty());
        triggerTagField.textProperty().bindBidirectional(viewModel.triggerTagProperty());
        failuresField.textProperty().bindBidirectional(viewModel.failuresProperty());
        withinField.textProperty().bindBidirectional(viewModel.withinMinutesProperty());
        offersHint.textProperty().bind(Bindings.createStringBinding(() -> viewModel.offers().isEmpty() ? ""
                : messages.get("editor.offersHint", String.join(", ", viewModel.offers())), viewModel.offers()));

        viewModel.filters().addListener((ListChangeListener<FilterItem>) change -> showFilters());
        viewModel.actions().addListener((ListChangeListener<ActionItem>) change -> showActions());
        showFilters();
        showActions();

        viewModel.problems().addListener((ListChangeListener<String>) change -> showProblems());
        showProblems();
        savingIndicator.visibleProperty().bind(viewModel.savingProperty());
        saveButton.disableProperty().bind(viewModel.savingProperty());
        reloadLink.visibleProperty().bind(viewModel.changedMeanwhileProperty());
        reloadLink.managedProperty().bind(reloadLink.visibleProperty());
    }

    private void showProblems() {
        problemList.getChildren().setAll(viewModel.problems().stream().map(text -> {
            Label problem = new Label("\u2022 " + text);
            problem.setWrapText(true);
            problem.getStyleClass().add("field-error");
            return (Node) problem;
        }).toList());
        problemsBox.setVisible(!viewModel.problems().isEmpty());
        problemsBox.setManaged(problemsBox.isVisible());
    }

    private void showFilters() {
        List<Node> rows = new ArrayList<>();
        int n = 0;
        for (FilterItem item : viewModel.filters()) {
            rows.add(filterRow(item, ++n));
        }
        filtersBox.getChildren().setAll(rows);
        noFiltersLabel.setVisible(rows.isEmpty());
        noFiltersLabel.setManaged(rows.isEmpty());
    }

    private Node filterRow(FilterItem item, int n) {
        ComboBox<Choice> kind = choices("filterKind" + n, viewModel.filterChoices());
        kind.valueProperty().bindBidirectional(item.kindProperty());
        TextField offer = field("filterOffer" + n, messages.get("editor.filter.offer.prompt"), 16, item.offerProperty());
        offer.promptTextProperty().bind(Bindings.createStringBinding(() -> item.showsHoursProperty().get()
                ? messages.get("editor.filter.recentOffer.prompt") : messages.get("editor.filter.offer.prompt"),
                item.showsHoursProperty()));
        shows(offer, item.showsOfferProperty());
        TextField tag = field("filterTag" + n, messages.get("editor.tag.prompt"), 14, item.tagProperty());
        shows(tag, item.showsTagProperty());
        TextField hours = field("filterHours" + n, messages.get("editor.filter.hours.prompt"), 5, item.hoursProperty());
        shows(hours, item.showsHoursProperty());
        HBox row = row(new Label(n + "."), kind, offer, tag, hours);
        row.getChildren().addAll(tools("filter", n, () -> viewModel.moveFilter(item, -1),
                () -> viewModel.moveFilter(item, 1), () -> viewModel.removeFilter(item)));
        return row;
    }

    private void showActions() {
        List<Node> rows = new ArrayList<>();
        int n = 0;
        for (ActionItem item : viewModel.actions()) {
            rows.add(actionRow(item, ++n));
        }
        actionsBox.getChildren().setAll(rows);
        noActionsLabel.setVisible(rows.isEmpty());
        noActionsLabel.setManaged(rows.isEmpty());
    }

    private Node actionRow(ActionItem item, int n) {
        ComboBox<Choice> kind = choices("actionKind" + n, viewModel.actionChoices());
        kind.valueProperty().bindBidirectional(item.kindProperty());
        ComboBox<Choice> welcomeFor = choices("actionWelcomeFor" + n, viewModel.welcomeForChoices());
        welcomeFor.valueProperty().bindBidirectional(item.welcomeForProperty());
        shows(welcomeFor, item.showsWelcomeForProperty());
        TextField offer = field("actionOffer" + n, messages.get("editor.filter.offer.prompt"), 16, item.offerProperty());
        shows(offer, item.showsOfferProperty());
        TextField tag = field("actionTag" + n, messages.get("editor.tag.prompt"), 14, item.tagProperty());
        shows(tag, item.showsTagProperty());
        TextField note = field("actionNote" + n, messages.get("editor.note.prompt"), 24, item.noteProperty());
        shows(note, item.showsNoteProperty());
        HBox.setHgrow(note, Priority.ALWAYS);
        TextField amount = field("actionWait" + n, messages.get("editor.wait.prompt"), 4, item.waitAmountProperty());
        shows(amount, item.showsWaitProperty());
        ComboBox<Choice> unit = choices("actionWaitUnit" + n, viewModel.waitUnitChoices());
        unit.valueProperty().bindBidirectional(item.waitUnitProperty());
        shows(unit, item.showsWaitProperty());
        TextField linkHours = field("actionLinkHours" + n, messages.get("editor.linkHours.prompt"), 12,
                item.linkHoursProperty());
        shows(linkHours, item.showsLinkHoursProperty());
        HBox row = row(new Label(n + "."), kind, welcomeFor, offer, tag, note, amount, unit, linkHours);
        row.getChildren().addAll(tools("action", n, () -> viewModel.moveAction(item, -1),
                () -> viewModel.moveAction(item, 1), () -> viewModel.removeAction(item)));
        return row;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private List<Node> tools(String prefix, int n, Runnable up, Runnable down, Runnable remove) {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.SOMETIMES);
        return List.of(gap, button(prefix + "Up" + n, "\u25B2", messages.get("editor.moveUp"), up),
                button(prefix + "Down" + n, "\u25BC", messages.get("editor.moveDown"), down),
                button(prefix + "Remove" + n, "\u2715", messages.get("editor.remove"), remove));
    }

    private static Button button(String id, String text, String tooltip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.getStyleClass().add("flat");
        button.setOnAction(event -> action.run());
        return button;
    }

    private static ComboBox<Choice> choices(String id, List<Choice> items) {
        ComboBox<Choice> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        return box;
    }

    private static TextField field(String id, String prompt, int columns, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static void shows(Node node, BooleanBinding when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    @FXML
    private void addFilter() {
        viewModel.addFilter();
    }

    @FXML
    private void addAction() {
        viewModel.addAction();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    @FXML
    private void cancel() {
        onCancel.run();
    }
}
