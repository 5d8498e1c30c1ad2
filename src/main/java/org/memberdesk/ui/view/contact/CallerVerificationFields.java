package org.memberdesk.ui.view.contact;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.contact.CallerVerification;
import org.memberdesk.ui.viewmodel.contact.VerificationChoice;

/**
 * Binds the "Caller verified by" choice and its note to a dialog's {@link CallerVerification}, and
 * adds, in the row under the note, what "code emailed" needs: Send code, the code the caller reads
 * back, Check, and what came of it. The row shows only while that method is chosen.
 */
final class CallerVerificationFields {

    private CallerVerificationFields() {
    }

    static void bind(CallerVerification verification, ComboBox<VerificationChoice> method, TextField note,
                     Messages messages) {
        method.setItems(verification.choices());
        method.valueProperty().bindBidirectional(verification.methodProperty());
        note.textProperty().bindBidirectional(verification.noteProperty());
        if (note.getParent() instanceof GridPane grid) {
            Integer noteRow = GridPane.getRowIndex(note);
            grid.add(codeRow(verification, messages), 1, (noteRow == null ? 0 : noteRow) + 1);
        }
    }

    private static VBox codeRow(CallerVerification verification, Messages messages) {
        Button send = new Button(messages.get("verify.code.send"));
        send.setTooltip(new Tooltip(messages.get("verify.code.send.tooltip")));
        send.setOnAction(e -> verification.sendCode());
        TextField code = new TextField();
        code.setId("verificationCodeField");
        code.setPromptText(messages.get("verify.code.prompt"));
        code.setPrefColumnCount(12);
        code.textProperty().bindBidirectional(verification.codeProperty());
        code.setOnAction(e -> verification.checkCode());
        Button check = new Button(messages.get("verify.code.check"));
        check.setOnAction(e -> verification.checkCode());
        send.disableProperty().bind(verification.codeBusyProperty());
        check.disableProperty().bind(Bindings.or(verification.codeBusyProperty(), verification.codeSentProperty().not())
                .or(verification.codeCheckedProperty()));
        code.disableProperty().bind(verification.codeSentProperty().not().or(verification.codeCheckedProperty()));
        FlowPane controls = new FlowPane(8, 6, send, code, check);
        Label status = new Label();
        status.setWrapText(true);
        status.setMinHeight(Label.USE_PREF_SIZE);
        status.textProperty().bind(verification.codeStatusProperty());
        status.visibleProperty().bind(verification.codeStatusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        VBox row = new VBox(4, controls, status);
        row.visibleProperty().bind(verification.byEmailCodeProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }
}
