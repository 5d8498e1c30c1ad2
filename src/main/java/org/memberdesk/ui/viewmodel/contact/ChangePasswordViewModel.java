package org.memberdesk.ui.viewmodel.contact;

import java.time.Duration;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import org.memberdesk.service.Actor;
import org.memberdesk.service.credentials.CredentialService.PasswordChange;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.service.credentials.IdentityChecks;
import org.memberdesk.service.credentials.IdentityCheck;
import org.memberdesk.service.credentials.SeenPassword;
import org.memberdesk.ui.common.TextClipboard;
import org.memberdesk.ui.viewmodel.ChangedMeanwhileState;

/**
 * Change Password: the agent types the new password twice or generates a passphrase, sees at once
 * whether the policy accepts it, may copy it (the clipboard is emptied again after
 * {@link #CLIPBOARD_LIFETIME}) and chooses whether the contact gets a notification email (off by
 * default). Saving revokes the credential's outstanding links and ends its portal sessions.
 */
public final class ChangePasswordViewModel extends ActionDialogViewModel {

    public static final Duration CLIPBOARD_LIFETIME = Duration.ofSeconds(60);

    private final CredentialService credentials;
    private final String contactEmail;
    private final String group;
    private final Actor agent;
    private final TextClipboard clipboard;
    private final Consumer<PasswordChange> onChanged;
    private SeenPassword seen;
    private final CallerVerification verification;

    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final BooleanProperty revealed = new SimpleBooleanProperty(this, "revealed");
    private final BooleanProperty sendNotification = new SimpleBooleanProperty(this, "sendNotification", false);
    private final ReadOnlyStringWrapper access;
    private final ReadOnlyStringWrapper policyProblem = new ReadOnlyStringWrapper(this, "policyProblem", "");
    private final ReadOnlyBooleanWrapper policyChecked = new ReadOnlyBooleanWrapper(this, "policyChecked");
    private final ReadOnlyStringWrapper copiedText = new ReadOnlyStringWrapper(this, "copiedText", "");
    private final StringBinding feedback;
    private final BooleanBinding matches;
    private final BooleanBinding acceptable;
    private final BooleanBinding canSave;
    private final StringBinding passwordError;
    private final StringBinding confirmationError;
    private long latestCheck;

    /**
     * {@code seen}: the password as the agent saw it in the contact window; a save after someone
     * else set (or cleared) it since is refused, saying who and when, until {@link #reload()}.
     */
    ChangePasswordViewModel(CredentialService credentials, IdentityChecks identityChecks, String contactEmail,
                            String group, SeenPassword seen,
                            String accessLabel, EmailHistoryViewModel.Tools tools,
                            Consumer<PasswordChange> onChanged) {
        super(tools.executor(), tools.messages(), new ChangedMeanwhileState(tools.messages(), tools.time(),
                        "meanwhile.password", "meanwhile.password.notSaved"),
                tools.messages().get("changePassword.title", accessLabel),
                tools.messages().get(group == null ? "actions.changePassword.when"
                        : "actions.community.changePassword.when"));
        this.credentials = credentials;
        this.seen = seen;
        this.contactEmail = contactEmail;
        this.group = group;
        this.agent = tools.agent();
        this.clipboard = tools.clipboard();
        this.onChanged = onChanged;
        this.access = new ReadOnlyStringWrapper(this, "access", accessLabel);
        matches = Bindings.createBooleanBinding(() -> password.get().equals(confirmation.get()), password,
                confirmation);
        feedback = Bindings.createStringBinding(this::describe, password, confirmation, policyProblem,
                policyChecked);
        acceptable = policyChecked.and(policyProblem.isEmpty()).and(matches).and(password.isNotEmpty());
        verification = CallerVerification.withEmailCode(identityChecks, tools, () -> contactEmail);
        canSave = acceptable.and(busyProperty().not()).and(verification.usable());
        passwordError = Bindings.createStringBinding(() -> password.get().isEmpty() || !policyChecked.get()
                || policyProblem.get().isEmpty() ? "" : messages.get("changePassword.refused", policyProblem.get()),
                password, policyChecked, policyProblem);
        confirmationError = Bindings.createStringBinding(() -> confirmation.get().isEmpty() || matches.get() ? ""
                : messages.get("changePassword.mismatch"), confirmation, matches);
        password.addListener((o, before, now) -> check(now));
        check(password.get());
    }

    private String describe() {
        if (password.get().isEmpty()) {
            return messages.get("changePassword.policy");
        }
        if (!policyChecked.get()) {
            return "";
        }
        if (!policyProblem.get().isEmpty()) {
            return messages.get("changePassword.refused", policyProblem.get());
        }
        if (!confirmation.get().isEmpty() && !password.get().equals(confirmation.get())) {
            return messages.get("changePassword.mismatch");
        }
        if (confirmation.get().isEmpty()) {
            return messages.get("changePassword.typeAgain");
        }
        return messages.get("changePassword.accepted");
    }

    /** Asks the policy about the password now typed; only the newest answer counts. */
    private void check(String candidate) {
        long ticket = ++latestCheck;
        policyChecked.set(false);
        String typed = candidate == null ? "" : candidate;
        executor.submit(() -> credentials.passwordProblem(typed, contactEmail).orElse(""), problem -> {
            if (ticket == latestCheck) {
                policyProblem.set(problem);
                policyChecked.set(true);
            }
        }, failure -> {
            if (ticket == latestCheck) {
                policyProblem.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
                policyChecked.set(true);
            }
        });
    }

    /** Fills both fields with a strong passphrase and shows it, so it can be read out or copied. */
    public void generate() {
        executor.submit(credentials::generatePassword, generated -> {
            revealed.set(true);
            confirmation.set(generated);
            password.set(generated);
        }, failure -> showError(failure.getMessage()));
    }

    /** Puts the password on the clipboard, and takes it off again after a minute. */
    public void copy() {
        String text = password.get();
        if (text.isEmpty()) {
            return;
        }
        clipboard.putText(text);
        copiedText.set(messages.get("changePassword.copied", CLIPBOARD_LIFETIME.toSeconds()));
        executor.schedule(CLIPBOARD_LIFETIME, () -> {
            clipboard.clearIfStill(text);
            copiedText.set(messages.get("changePassword.clipboardCleared"));
        });
    }

    /** Sets the password; the dialog closes once it is saved. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        String chosen = password.get();
        boolean notify = sendNotification.get();
        SeenPassword basis = seen;
        IdentityCheck identity = verification.identity();
        run(() -> credentials.setPassword(contactEmail, group, basis, chosen, notify, identity, agent), change -> {
            finish();
            onChanged.accept(change);
        });
    }

    /**
     * After a refused save: takes the password as it is now as the basis and empties the fields, so
     * the agent decides again, knowing who set it meanwhile.
     */
    public void reload() {
        run(() -> credentials.seen(contactEmail, group), now -> {
            seen = now;
            password.set("");
            confirmation.set("");
        });
    }

    /** How the caller was verified: optional here, kept in the audit event when said. */
    public CallerVerification verification() {
        return verification;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    /** Show the password in clear (after Generate, or when the agent asks). */
    public BooleanProperty revealedProperty() {
        return revealed;
    }

    /** Email the contact that the password changed; off unless the agent ticks it. */
    public BooleanProperty sendNotificationProperty() {
        return sendNotification;
    }

    public ReadOnlyStringProperty accessProperty() {
        return access.getReadOnlyProperty();
    }

    /** The policy's objection to the password now typed; empty when it is acceptable. */
    public ReadOnlyStringProperty policyProblemProperty() {
        return policyProblem.getReadOnlyProperty();
    }

    /** One line under the fields: the rules, the refusal, "type it again", or that it is accepted. */
    public ObservableStringValue feedback() {
        return feedback;
    }

    /** True when the last feedback is good news. */
    public ObservableBooleanValue acceptable() {
        return acceptable;
    }

    public ReadOnlyBooleanProperty policyCheckedProperty() {
        return policyChecked.getReadOnlyProperty();
    }

    /** Says that the password was copied, and later that the clipboard was emptied. */
    public ReadOnlyStringProperty copiedTextProperty() {
        return copiedText.getReadOnlyProperty();
    }

    /** The policy's refusal of the password as typed; empty while it is empty, unchecked or accepted. */
    public ObservableStringValue passwordError() {
        return passwordError;
    }

    /** That the second entry differs from the first; empty while it is empty or matches. */
    public ObservableStringValue confirmationError() {
        return confirmationError;
    }

    public ObservableBooleanValue canSave() {
        return canSave;
    }
}
