package org.memberdesk.ui.view.mail;

import java.io.File;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.view.common.WholeText;
import org.memberdesk.ui.view.common.ToneStyles;
import org.memberdesk.ui.viewmodel.mail.BrandingViewModel;

/** Settings → Branding: the form, a colour picker beside the #rrggbb field and the logo file chooser. */
public final class BrandingSettingsView {

    private final Parent root;
    private boolean syncing;

    public BrandingSettingsView(BrandingViewModel model, Messages messages) {
        TextField name = field("businessNameField", model.businessNameProperty());
        TextField sender = field("senderNameField", model.senderNameProperty());
        TextField color = field("accentColorField", model.accentColorProperty());
        color.setPromptText("#3b5bdb");
        ColorPicker picker = new ColorPicker();
        picker.setId("accentColorPicker");
        picker.valueProperty().addListener((o, before, now) -> {
            if (!syncing && now != null) {
                model.accentColorProperty().set(hex(now));
            }
        });
        model.accentColorProperty().addListener((o, before, now) -> showColor(picker, now));
        showColor(picker, model.accentColorProperty().get());
        TextField support = field("supportEmailField", model.supportEmailProperty());
        support.setPromptText("help@example.com");

        Label logoNote = WholeText.wrappingLabel("logoNoteLabel");
        logoNote.textProperty().bind(model.logoNoteProperty());
        Button chooseLogo = new Button(messages.get("branding.chooseLogo"));
        chooseLogo.setId("chooseLogoButton");
        chooseLogo.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("branding.logoChooser"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG, JPEG", "*.png", "*.jpg",
                    "*.jpeg"));
            File chosen = chooser.showOpenDialog(chooseLogo.getScene().getWindow());
            if (chosen != null) {
                model.logoFileProperty().set(chosen.toPath());
            }
        });
        CheckBox removeLogo = new CheckBox(messages.get("branding.removeLogo"));
        removeLogo.setId("removeLogoBox");
        removeLogo.selectedProperty().bindBidirectional(model.removeLogoProperty());
        Label logoHint = WholeText.wrappingLabel("logoHintLabel");
        logoHint.setText(messages.get("branding.logo.hint"));
        Label senderHint = WholeText.wrappingLabel("senderHintLabel");
        senderHint.setText(messages.get("branding.senderName.hint"));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, new Label(messages.get("branding.businessName")), name);
        grid.addRow(1, new Label(messages.get("branding.senderName")), new VBox(4, sender, senderHint));
        grid.addRow(2, new Label(messages.get("branding.accentColor")), new HBox(8, color, picker));
        grid.addRow(3, new Label(messages.get("branding.supportEmail")), support);
        grid.addRow(4, new Label(messages.get("branding.logo")),
                new VBox(6, new HBox(8, chooseLogo, removeLogo), logoNote, logoHint));

        Label outcome = WholeText.wrappingLabel("outcomeLabel");
        outcome.textProperty().bind(model.outcomeProperty());
        model.outcomeToneProperty().addListener((o, before, now) -> ToneStyles.apply(outcome, now));
        outcome.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(outcome, Priority.ALWAYS);
        Button save = new Button(messages.get("branding.save"));
        save.setId("saveButton");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.saveCommand().executableProperty().not());
        save.setOnAction(event -> model.save());
        HBox buttons = new HBox(8, outcome, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox box = new VBox(14, grid, buttons);
        box.setPadding(new Insets(16));
        root = box;
    }

    private void showColor(ColorPicker picker, String text) {
        if (text != null && text.strip().matches("#[0-9a-fA-F]{6}")) {
            syncing = true;
            try {
                picker.setValue(Color.web(text.strip()));
            } finally {
                syncing = false;
            }
        }
    }

    private static String hex(Color color) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(color.getRed() * 255),
                Math.round(color.getGreen() * 255), Math.round(color.getBlue() * 255));
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    public Parent root() {
        return root;
    }
}
