package org.memberdesk.ui.viewmodel.contact;

import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.Actor;
import org.memberdesk.service.credentials.IdentityCheck;
import org.memberdesk.service.credentials.IdentityChecks;
import org.memberdesk.ui.common.BackgroundExecutor;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Failures;

/**
 * How the agent knew the caller was the contact: a method from a fixed list and a note (needed for
 * "other"). With "code emailed", the console sends a six-digit code to the address on file and
 * checks what the agent types back; only a right code counts as said. Required before a link or
 * code is handed over outside the mailbox and for an email change; optional, but kept in the audit
 * event, for Change Password and Unlock.
 */
public final class CallerVerification {

    /** What the emailed code needs: the service, where to run it, who asks, and for which contact. */
    record EmailCode(IdentityChecks checks, BackgroundExecutor executor, Actor agent, DisplayTime time,
                     Supplier<String> contactEmail) {
    }

    private final Messages messages;
    private final EmailCode emailCode;
    private final ObservableList<VerificationChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<VerificationChoice> method = new SimpleObjectProperty<>(this, "method");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final ReadOnlyStringWrapper codeStatus = new ReadOnlyStringWrapper(this, "codeStatus", "");
    private final ReadOnlyBooleanWrapper codeSent = new ReadOnlyBooleanWrapper(this, "codeSent");
    private final ReadOnlyBooleanWrapper codeChecked = new ReadOnlyBooleanWrapper(this, "codeChecked");
    private final Command codeCommand;
    private final BooleanBinding byEmailCode;
    private final BooleanBinding said;
    private final BooleanBinding usable;

    CallerVerification(Messages messages) {
        this(messages, null);
    }

    /** With "code emailed" among the methods, for the contact whose address {@code contactEmail} gives. */
    static CallerVerification withEmailCode(IdentityChecks checks, EmailHistoryViewModel.Tools tools,
                                            Supplier<String> contactEmail) {
        return new CallerVerification(tools.messages(), checks == null ? null
                : new EmailCode(checks, tools.executor(), tools.agent(), tools.time(), contactEmail));
    }

    CallerVerification(Messages messages, EmailCode emailCode) {
        this.messages = messages;
        this.emailCode = emailCode;
        for (IdentityCheck.Method each : IdentityCheck.Method.values()) {
            if (each != IdentityCheck.Method.EMAIL_CODE || emailCode != null) {
                choices.add(new VerificationChoice(each, messages.get("verify.method." + each.code())));
            }
        }
        codeCommand = emailCode == null ? null : new Command(emailCode.executor(),
                failure -> codeStatus.set(Failures.describe(failure, messages)));
        byEmailCode = Bindings.createBooleanBinding(() -> method.get() != null
                && method.get().method() == IdentityCheck.Method.EMAIL_CODE, method);
        said = Bindings.createBooleanBinding(() -> method.get() != null
                && switch (method.get().method()) {
                    case OTHER -> !note.get().isBlank();
                    case EMAIL_CODE -> codeChecked.get();
                    default -> true;
                }, method, note, codeChecked);
        usable = Bindings.createBooleanBinding(() -> method.get() == null ? note.get().isBlank() : said.get(),
                method, note, codeChecked);
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

    /** True while "code emailed" is the chosen method: the code row shows. */
    public BooleanBinding byEmailCodeProperty() {
        return byEmailCode;
    }

    /** What the agent types as the caller reads the code back. */
    public StringProperty codeProperty() {
        return code;
    }

    /** Sent, checked, wrong with tries left, or why not. */
    public ReadOnlyStringProperty codeStatusProperty() {
        return codeStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty codeSentProperty() {
        return codeSent.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty codeCheckedProperty() {
        return codeChecked.getReadOnlyProperty();
    }

    /** True while a code is being sent or checked. */
    public ReadOnlyBooleanProperty codeBusyProperty() {
        return codeCommand == null ? new ReadOnlyBooleanWrapper(false).getReadOnlyProperty()
                : codeCommand.runningProperty();
    }

    /** Emails a fresh code to the address on file (a newer one replaces the older). */
    public void sendCode() {
        if (emailCode == null) {
            return;
        }
        String contact = emailCode.contactEmail().get();
        codeChecked.set(false);
        codeStatus.set(messages.get("verify.code.sending", contact));
        codeCommand.run(() -> emailCode.checks().sendCode(contact, emailCode.agent()), sent -> {
            codeSent.set(true);
            codeStatus.set(messages.get("verify.code.sent", sent.email().recipient(),
                    emailCode.time().format(sent.expiresAt())));
        });
    }

    /** Checks what the agent typed. */
    public void checkCode() {
        if (emailCode == null) {
            return;
        }
        String typed = code.get() == null ? "" : code.get().strip();
        if (typed.isEmpty()) {
            codeStatus.set(messages.get("verify.code.empty"));
            return;
        }
        String contact = emailCode.contactEmail().get();
        codeCommand.run(() -> emailCode.checks().checkCode(contact, typed, emailCode.agent()), check -> {
            codeChecked.set(check.correct());
            codeStatus.set(check.correct() ? messages.get("verify.code.right")
                    : check.triesLeft() == 0 ? messages.get("verify.code.dead")
                    : messages.get("verify.code.wrong", check.triesLeft()));
        });
    }

    /** A method is chosen, with a note where it needs one, and for an emailed code a right one. */
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
