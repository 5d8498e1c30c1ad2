package org.memberdesk.ui.view.mail;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.view.common.WholeText;
import org.memberdesk.ui.view.common.HtmlPreview;
import org.memberdesk.ui.view.common.ToneStyles;
import org.memberdesk.ui.viewmodel.mail.EmailTemplatesViewModel;
import org.memberdesk.ui.viewmodel.mail.TemplateKindChoice;

/** Settings → Emails: the kind and offer choosers, the three editors, the variables and the live preview. */
public final class EmailTemplatesView {

    private final Parent root;

    public EmailTemplatesView(EmailTemplatesViewModel model, Messages messages) {
        ComboBox<TemplateKindChoice> kindBox = new ComboBox<>(model.kinds());
        kindBox.setId("kindBox");
        kindBox.valueProperty().bindBidirectional(model.kindProperty());
        kindBox.setMinWidth(Region.USE_PREF_SIZE);
        Label description = WholeText.wrappingLabel("kindDescriptionLabel");
        description.textProperty().bind(Bindings.createStringBinding(
                () -> model.kindProperty().get() == null ? "" : model.kindProperty().get().description(),
                model.kindProperty()));
        description.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(description, Priority.ALWAYS);
        ComboBox<String> offerBox = new ComboBox<>(model.offerChoices());
        offerBox.setId("offerBox");
        offerBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String offer) {
                return offer == null || offer.isEmpty() ? messages.get("templates.offer.every") : offer;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        offerBox.valueProperty().bindBidirectional(model.offerProperty());
        offerBox.setMinWidth(Region.USE_PREF_SIZE);
        offerBox.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.offerAllowedProperty().get(),
                model.offerAllowedProperty()));
        HBox kindRow = new HBox(8, new Label(messages.get("templates.kind")), kindBox, description);
        kindRow.setAlignment(Pos.CENTER_LEFT);
        Label offerHint = WholeText.wrappingLabel("offerHintLabel");
        offerHint.setText(messages.get("templates.offer.hint"));
        offerHint.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(offerHint, Priority.ALWAYS);
        HBox offerRow = new HBox(8, new Label(messages.get("templates.offer")), offerBox, offerHint);
        offerRow.setAlignment(Pos.CENTER_LEFT);
        VBox choosers = new VBox(6, kindRow, offerRow);

        TextField subjectField = new TextField();
        subjectField.setId("subjectField");
        subjectField.textProperty().bindBidirectional(model.subjectProperty());
        TextArea textArea = editor("textArea");
        textArea.textProperty().bindBidirectional(model.textProperty());
        TextArea htmlArea = editor("htmlArea");
        htmlArea.textProperty().bindBidirectional(model.htmlProperty());
        Label variables = WholeText.wrappingLabel("variablesLabel");
        variables.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("templates.variables", String.join(", ", model.variables())), model.variables()));
        Label partials = WholeText.wrappingLabel("partialsLabel");
        partials.setText(messages.get("templates.partials"));
        Label sources = WholeText.wrappingLabel("sourcesLabel");
        sources.textProperty().bind(model.sourcesProperty());
        VBox editors = new VBox(6, new Label(messages.get("templates.subject")), subjectField,
                new Label(messages.get("templates.text")), textArea, new Label(messages.get("templates.html")),
                htmlArea, variables, partials, sources);
        VBox.setVgrow(textArea, Priority.ALWAYS);
        VBox.setVgrow(htmlArea, Priority.ALWAYS);
        editors.setPadding(new Insets(0, 8, 0, 0));

        TextField contactField = new TextField();
        contactField.setId("previewContactField");
        contactField.textProperty().bindBidirectional(model.previewContactProperty());
        Label problem = WholeText.wrappingLabel("previewProblemLabel");
        problem.textProperty().bind(model.previewProblemProperty());
        Label previewSubject = WholeText.wrappingLabel("previewSubjectLabel");
        previewSubject.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("templates.previewSubject", model.previewSubjectProperty().get()),
                model.previewSubjectProperty()));
        HtmlPreview html = new HtmlPreview(null);
        html.node().setId("previewHtml");
        model.previewHtmlProperty().addListener((o, before, now) -> html.show(now));
        TextArea previewText = new TextArea();
        previewText.setId("previewTextArea");
        previewText.setEditable(false);
        previewText.setWrapText(true);
        previewText.textProperty().bind(model.previewTextProperty());
        TabPane tabs = new TabPane(new Tab(messages.get("templates.preview.html"), html.node()),
                new Tab(messages.get("templates.preview.text"), previewText));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox preview = new VBox(6, new Label(messages.get("templates.previewContact")), contactField, problem,
                previewSubject, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        preview.setPadding(new Insets(0, 0, 0, 8));

        SplitPane split = new SplitPane(editors, preview);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label outcome = WholeText.wrappingLabel("outcomeLabel");
        outcome.textProperty().bind(model.outcomeProperty());
        model.outcomeToneProperty().addListener((o, before, now) -> ToneStyles.apply(outcome, now));
        HBox.setHgrow(outcome, Priority.ALWAYS);
        outcome.setMaxWidth(Double.MAX_VALUE);
        Button reset = new Button(messages.get("templates.reset"));
        reset.setId("resetButton");
        reset.disableProperty().bind(model.resetCommand().executableProperty().not());
        reset.setOnAction(event -> model.resetToDefault());
        Button save = new Button(messages.get("templates.save"));
        save.setId("saveButton");
        save.setDefaultButton(false);
        save.disableProperty().bind(model.saveCommand().executableProperty().not());
        save.setOnAction(event -> model.save());
        HBox buttons = new HBox(8, outcome, reset, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox box = new VBox(10, choosers, split, buttons);
        box.setPadding(new Insets(12));
        root = box;
    }

    private static TextArea editor(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setWrapText(false);
        area.setStyle("-fx-font-family: monospace;");
        area.setPrefRowCount(10);
        return area;
    }

    public Parent root() {
        return root;
    }
}
