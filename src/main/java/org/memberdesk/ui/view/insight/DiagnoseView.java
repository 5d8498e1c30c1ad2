package org.memberdesk.ui.view.insight;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.ViewLoader;
import org.memberdesk.ui.view.common.ToneStyles;
import org.memberdesk.ui.viewmodel.insight.DiagnoseViewModel;
import org.memberdesk.ui.viewmodel.insight.DiagnoseViewModel.Question;
import org.memberdesk.ui.viewmodel.insight.FindingRow;
import org.memberdesk.ui.viewmodel.insight.FixChoice;
import org.memberdesk.ui.viewmodel.insight.TopicChoice;

/** "Why can't they log in?": the question first, then the findings as cards with their fix buttons. */
public final class DiagnoseView {

    @FXML private ToggleGroup questionGroup;
    @FXML private Label headingLabel;
    @FXML private Label statusLabel;
    @FXML private HBox outOfDateBar;
    @FXML private Button checkAgainButton;
    @FXML private VBox askPane;
    @FXML private RadioButton offerQuestion;
    @FXML private RadioButton communityQuestion;
    @FXML private RadioButton emailQuestion;
    @FXML private RadioButton notSureQuestion;
    @FXML private ComboBox<TopicChoice> offerCombo;
    @FXML private ComboBox<TopicChoice> groupCombo;
    @FXML private CheckBox notReceivedCheck;
    @FXML private ScrollPane findingsScroll;
    @FXML private VBox findingsBox;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label errorLabel;
    @FXML private Button askAgainButton;
    @FXML private Button runButton;
    @FXML private Button closeButton;

    private final DiagnoseViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    private Runnable onClose = () -> { };

    public DiagnoseView(DiagnoseViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = ViewLoader.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    /** What Close does (the stage closes itself). */
    public void setOnClose(Runnable action) {
        onClose = action;
    }

    @FXML
    private void checkAgain() {
        viewModel.checkAgain();
    }

    @FXML
    private void initialize() {
        offerQuestion.setUserData(Question.OFFER);
        communityQuestion.setUserData(Question.COMMUNITY);
        emailQuestion.setUserData(Question.EMAIL);
        notSureQuestion.setUserData(Question.NOT_SURE);
        questionGroup.selectedToggleProperty().addListener((o, before, toggle) ->
                viewModel.questionProperty().set(toggle == null ? null : (Question) toggle.getUserData()));
        viewModel.questionProperty().addListener((o, before, question) -> selectQuestion(question));
        selectQuestion(viewModel.questionProperty().get());

        offerCombo.setItems(viewModel.offerChoices());
        offerCombo.valueProperty().bindBidirectional(viewModel.offerProperty());
        groupCombo.setItems(viewModel.groupChoices());
        groupCombo.valueProperty().bindBidirectional(viewModel.groupProperty());
        groupCombo.disableProperty().bind(Bindings.isEmpty(viewModel.groupChoices()));
        // Opening a list answers the question it belongs to (a value set by loading does not).
        offerCombo.setOnShowing(event -> offerQuestion.setSelected(true));
        groupCombo.setOnShowing(event -> communityQuestion.setSelected(true));
        notReceivedCheck.selectedProperty().bindBidirectional(viewModel.notReceivedProperty());
        notReceivedCheck.disableProperty().bind(offerQuestion.selectedProperty()
                .or(communityQuestion.selectedProperty()).not());

        headingLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.diagnosedProperty().get()
                        ? viewModel.headingProperty().get()
                        : messages.get("diagnose.heading.ask", viewModel.contactNameProperty().get()),
                viewModel.diagnosedProperty(), viewModel.headingProperty(), viewModel.contactNameProperty()));
        statusLabel.textProperty().bind(viewModel.statusProperty());
        statusLabel.visibleProperty().bind(viewModel.statusProperty().isNotEmpty());
        statusLabel.managedProperty().bind(statusLabel.visibleProperty());

        outOfDateBar.visibleProperty().bind(viewModel.outOfDateProperty().and(viewModel.diagnosedProperty()));
        outOfDateBar.managedProperty().bind(outOfDateBar.visibleProperty());
        checkAgainButton.disableProperty().bind(viewModel.runningProperty());

        askPane.visibleProperty().bind(viewModel.diagnosedProperty().not());
        findingsScroll.visibleProperty().bind(viewModel.diagnosedProperty());
        askPane.disableProperty().bind(viewModel.loadingProperty().or(viewModel.runningProperty()));

        busyIndicator.visibleProperty().bind(viewModel.runningProperty().or(viewModel.loadingProperty()));
        errorLabel.textProperty().bind(viewModel.errorProperty());
        runButton.textProperty().bind(Bindings.when(viewModel.diagnosedProperty())
                .then(messages.get("diagnose.rerun")).otherwise(messages.get("diagnose.run")));
        runButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.canRunProperty().get(),
                viewModel.canRunProperty()));
        askAgainButton.visibleProperty().bind(viewModel.diagnosedProperty());
        askAgainButton.managedProperty().bind(askAgainButton.visibleProperty());
        askAgainButton.disableProperty().bind(viewModel.runningProperty());

        viewModel.findings().addListener((ListChangeListener<FindingRow>) change -> showFindings());
        showFindings();
    }

    private void selectQuestion(Question question) {
        for (Toggle toggle : questionGroup.getToggles()) {
            if (toggle.getUserData() == question) {
                questionGroup.selectToggle(toggle);
                return;
            }
        }
        questionGroup.selectToggle(null);
    }

    private void showFindings() {
        findingsBox.getChildren().setAll(viewModel.findings().stream().map(this::card).toList());
    }

    private Node card(FindingRow finding) {
        Label badge = new Label(finding.severity());
        badge.getStyleClass().add("badge");
        ToneStyles.apply(badge, finding.tone());
        badge.setMinWidth(Label.USE_PREF_SIZE);
        Label message = new Label(finding.message());
        message.setWrapText(true);
        message.getStyleClass().add("finding-message");
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox top = new HBox(10, badge, message);

        VBox evidence = new VBox(2);
        evidence.getStyleClass().add("finding-evidence");
        finding.evidence().forEach(line -> {
            Label fact = new Label(line);
            fact.setWrapText(true);
            fact.getStyleClass().addAll("text-small", "text-muted");
            evidence.getChildren().add(fact);
        });

        FlowPane fixes = new FlowPane(8, 8);
        fixes.getStyleClass().add("finding-fixes");
        if (finding.fixes().isEmpty()) {
            Label none = new Label(messages.get("diagnose.noFix"));
            none.getStyleClass().add("text-subtle");
            fixes.getChildren().add(none);
        }
        for (FixChoice fix : finding.fixes()) {
            Button button = new Button(fix.label());
            button.getStyleClass().add("fix-button");
            if (fix.recommended()) {
                button.getStyleClass().add(Styles.ACCENT);
            }
            button.disableProperty().bind(viewModel.runningProperty());
            button.setOnAction(event -> viewModel.apply(fix));
            if (fix.needsInput()) {
                TextField corrected = new TextField();
                corrected.getStyleClass().add("fix-input");
                corrected.setPromptText(messages.get("diagnose.fix.correctedEmail"));
                corrected.setPrefColumnCount(26);
                corrected.textProperty().bindBidirectional(fix.inputProperty());
                corrected.setOnAction(event -> viewModel.apply(fix));
                fixes.getChildren().add(new HBox(6, corrected, button));
            } else {
                fixes.getChildren().add(button);
            }
        }

        VBox card = new VBox(8, top, evidence, fixes);
        card.getStyleClass().addAll("finding-card", "finding-" + finding.code());
        return card;
    }

    @FXML
    private void run() {
        viewModel.run();
    }

    @FXML
    private void askAgain() {
        viewModel.askAgain();
    }

    @FXML
    private void close() {
        onClose.run();
    }
}
