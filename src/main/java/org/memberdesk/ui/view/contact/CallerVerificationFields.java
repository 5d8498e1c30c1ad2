package org.memberdesk.ui.view.contact;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.memberdesk.ui.viewmodel.contact.CallerVerification;
import org.memberdesk.ui.viewmodel.contact.VerificationChoice;

/** Binds the "Caller verified by" choice and its note to a dialog's {@link CallerVerification}. */
final class CallerVerificationFields {

    private CallerVerificationFields() {
    }

    static void bind(CallerVerification verification, ComboBox<VerificationChoice> method, TextField note) {
        method.setItems(verification.choices());
        method.valueProperty().bindBidirectional(verification.methodProperty());
        note.textProperty().bindBidirectional(verification.noteProperty());
    }
}
