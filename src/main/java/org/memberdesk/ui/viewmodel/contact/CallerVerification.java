package org.memberdesk.ui.viewmodel.contact;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.credentials.IdentityCheck;
import org.memberdesk.ui.common.Messages;

/**
 * How the agent knew the caller was the contact: a method from a fixed list and a note (needed for
 * "other"). Required before a link or code is handed over outside the mailbox; optional, but kept in
 * the audit event, for Change Password.
 */
public final class CallerVerification {

    private final ObservableList<VerificationChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<VerificationChoice> method = new SimpleObjectProperty<>(this, "method");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final BooleanBinding said;
    private final BooleanBinding usable;

    CallerVerification(Messages messages) {
        for (IdentityCheck.Method each : IdentityCheck.Method.values()) {
            choices.add(new VerificationChoice(each, messages.get("verify.method." + each.code())));
        }
        said = Bindings.createBooleanBinding(() -> method.get() != null
                && (method.get().method() != IdentityCheck.Method.OTHER || !note.get().isBlank()), method, note);
        usable = Bindings.createBooleanBinding(() -> method.get() == null ? note.get().isBlank() : said.get(),
                method, note);
    }

    public ObservableList<VerificationChoice> choices() {
        return choices;
    }

    public ObjectProperty<VerificationChoice> methodProperty() {
        return method;
    }

    /** Required for "other"; kept in the audit event with the method. */
    public StringProperty noteProperty() {
        return note;
    }

    /** A method is chosen, with a note where it needs one. */
    BooleanBinding said() {
        return said;
    }

    /** Nothing said, or enough said: what an optional check accepts. */
    BooleanBinding usable() {
        return usable;
    }

    /** What was said; null when nothing was. */
    IdentityCheck identity() {
        return method.get() == null ? null : new IdentityCheck(method.get().method(), note.get());
    }
}
