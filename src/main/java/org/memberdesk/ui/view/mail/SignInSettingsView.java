package org.memberdesk.ui.view.mail;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.view.common.WholeText;
import org.memberdesk.ui.viewmodel.mail.SignInSettingsViewModel;

/** Settings → Portal sign-in: magic links on or off, and which changes need the caller verified. */
public final class SignInSettingsView {

    private final VBox root;

    public SignInSettingsView(SignInSettingsViewModel viewModel, Messages messages) {
        CheckBox magicLinks = new CheckBox(messages.get("signInSettings.magicLinks"));
        magicLinks.setId("magicLinksBox");
        magicLinks.selectedProperty().bindBidirectional(viewModel.magicLinksProperty());
        Label magicLinksNote = WholeText.wrappingText(messages.get("signInSettings.magicLinks.note"));
        magicLinksNote.getStyleClass().add("when-to-use");
        CheckBox emailChange = new CheckBox(messages.get("signInSettings.emailChange"));
        emailChange.setId("emailChangeVerifiedBox");
        emailChange.selectedProperty().bindBidirectional(viewModel.emailChangeVerifiedProperty());
        CheckBox recovery = new CheckBox(messages.get("signInSettings.recovery"));
        recovery.setId("recoveryVerifiedBox");
        recovery.selectedProperty().bindBidirectional(viewModel.recoveryVerifiedProperty());
        Label verifyNote = WholeText.wrappingText(messages.get("signInSettings.verify.note"));
        verifyNote.getStyleClass().add("when-to-use");
        Label verifyHeading = new Label(messages.get("signInSettings.verify"));
        verifyHeading.getStyleClass().add("text-bold");
        for (CheckBox box : new CheckBox[] {magicLinks, emailChange, recovery}) {
            box.setWrapText(true);
            box.disableProperty().bind(viewModel.busyProperty());
        }
        Label outcome = WholeText.wrappingText("");
        outcome.textProperty().bind(viewModel.outcomeProperty());
        Button save = new Button(messages.get("signInSettings.save"));
        save.setId("saveSignInSettings");
        save.setDefaultButton(true);
        save.getStyleClass().add("accent");
        save.disableProperty().bind(viewModel.busyProperty());
        save.setOnAction(event -> viewModel.save());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox footer = new HBox(10, outcome, gap, save);
        footer.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(outcome, Priority.SOMETIMES);
        root = new VBox(10, magicLinks, magicLinksNote, verifyHeading, emailChange, recovery, verifyNote, footer);
        root.setPadding(new Insets(18));
        root.getStyleClass().add("settings-page");
    }

    public Parent root() {
        return root;
    }
}
