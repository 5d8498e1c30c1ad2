package org.memberdesk.ui.viewmodel.contact;

import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.service.Actor;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.service.credentials.IdentityCheck;
import org.memberdesk.service.credentials.IdentityChecks;

/**
 * Unlock: which login of whom, and (optionally, kept in the audit event) how the caller was
 * verified; the emailed code among the ways.
 */
public final class UnlockViewModel extends ActionDialogViewModel {

    private final CredentialService credentials;
    private final String contactEmail;
    private final String group;
    private final Actor agent;
    private final Consumer<Boolean> onDone;
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper(this, "question", "");
    private final CallerVerification verification;
    private final BooleanBinding canUnlock;

    UnlockViewModel(CredentialService credentials, IdentityChecks identityChecks, String contactEmail, String group,
                    String accessLabel, EmailHistoryViewModel.Tools tools, Consumer<Boolean> onDone) {
        super(tools.executor(), tools.messages(), tools.messages().get("unlock.title", accessLabel),
                tools.messages().get("actions.unlock.when"));
        this.credentials = credentials;
        this.contactEmail = contactEmail;
        this.group = group;
        this.agent = tools.agent();
        this.onDone = onDone;
        question.set(messages.get("unlock.question", accessLabel, contactEmail));
        verification = CallerVerification.withEmailCode(identityChecks, tools, () -> contactEmail);
        canUnlock = busyProperty().not().and(verification.usable());
    }

    /** Lifts the lock; the dialog closes and the window says what happened. */
    public void unlock() {
        if (!canUnlock.get()) {
            return;
        }
        IdentityCheck identity = verification.identity();
        run(() -> credentials.unlock(contactEmail, group, identity, agent), unlocked -> {
            finish();
            onDone.accept(unlocked);
        });
    }

    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    public CallerVerification verification() {
        return verification;
    }

    public BooleanBinding canUnlock() {
        return canUnlock;
    }
}
