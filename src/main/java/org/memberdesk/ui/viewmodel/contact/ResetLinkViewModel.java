package org.memberdesk.ui.viewmodel.contact;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.service.Actor;
import org.memberdesk.service.credentials.CredentialService.ResetLinkPreview;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.service.credentials.IdentityChecks;
import org.memberdesk.service.credentials.IdentityCheck;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.ui.common.TextClipboard;
import org.memberdesk.ui.viewmodel.DisplayTime;

/**
 * Send Reset Link, as a confirmation: the address it goes to, the access it opens, how long the
 * link lasts (1 to 72 hours, 24 by default) and how many reset emails went out in the last hour.
 * When mail does not arrive, the same link can be made to paste instead: it shows once in the
 * dialog, is never emailed, and can be copied (the clipboard is emptied again after a minute); or an
 * eight-digit code to read out by phone, which the contact types on the portal.
 */
public final class ResetLinkViewModel extends ActionDialogViewModel {

    static final List<Integer> HOURS = List.of(1, 2, 4, 8, 12, 24, 48, 72);

    private final CredentialService credentials;
    private final String contactEmail;
    private final String group;
    private final Actor agent;
    private final DisplayTime time;
    private final Consumer<EmailView> onSent;
    private final Consumer<CredentialService.RecoveryLink> onPasted;
    private final Consumer<CredentialService.RecoveryCode> onCode;
    private final TextClipboard clipboard;

    private final ObservableList<ExpiryChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<ExpiryChoice> expiry = new SimpleObjectProperty<>(this, "expiry");
    private final ReadOnlyStringWrapper recipient = new ReadOnlyStringWrapper(this, "recipient", "");
    private final ReadOnlyStringWrapper access;
    private final ReadOnlyStringWrapper limitText = new ReadOnlyStringWrapper(this, "limitText", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper allowed = new ReadOnlyBooleanWrapper(this, "allowed");
    private final ReadOnlyStringWrapper pastedLink = new ReadOnlyStringWrapper(this, "pastedLink", "");
    private final ReadOnlyStringWrapper pastedNote = new ReadOnlyStringWrapper(this, "pastedNote", "");
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper(this, "code", "");
    private final ReadOnlyStringWrapper codeNote = new ReadOnlyStringWrapper(this, "codeNote", "");
    private final CallerVerification verification;
    private final StringBinding expiryText;
    private final BooleanBinding canSend;
    private final BooleanBinding canHandOut;

    ResetLinkViewModel(CredentialService credentials, IdentityChecks identityChecks, String contactEmail, String group,
                       String accessLabel,
                       EmailHistoryViewModel.Tools tools, Consumer<EmailView> onSent,
                       Consumer<CredentialService.RecoveryLink> onPasted,
                       Consumer<CredentialService.RecoveryCode> onCode) {
        super(tools.executor(), tools.messages(), tools.messages().get("resetLink.title", accessLabel),
                tools.messages().get(group == null ? "actions.resetLink.when" : "actions.community.resetLink.when"));
        this.credentials = credentials;
        this.contactEmail = contactEmail;
        this.group = group;
        this.agent = tools.agent();
        this.time = tools.time();
        this.onSent = onSent;
        this.onPasted = onPasted;
        this.onCode = onCode;
        this.clipboard = tools.clipboard();
        this.access = new ReadOnlyStringWrapper(this, "access", accessLabel);
        HOURS.forEach(h -> choices.add(new ExpiryChoice(h, messages.get("resetLink.hours", h))));
        expiry.set(choice(24));
        expiryText = Bindings.createStringBinding(() -> expiry.get() == null ? ""
                : messages.get("resetLink.expiry", expiry.get().hours()), expiry);
        // once a link to paste or a code is made, emailing another would supersede it
        canSend = loaded.and(allowed).and(expiry.isNotNull()).and(busyProperty().not()).and(pastedLink.isEmpty())
                .and(code.isEmpty());
        verification = CallerVerification.withEmailCode(identityChecks, tools, () -> contactEmail);
        // a link or code that bypasses the mailbox goes to whoever is on the line: say how they were verified
        canHandOut = canSend.and(verification.said());
    }

    /** Reads the address, the default lifetime and the hourly count. */
    public void load() {
        run(() -> credentials.previewResetLink(contactEmail, group), this::show);
    }

    private void show(ResetLinkPreview preview) {
        recipient.set(preview.recipient());
        ExpiryChoice preset = choice((int) preview.defaultTtl().toHours());
        if (preset != null) {
            expiry.set(preset);
        }
        allowed.set(preview.allowed());
        limitText.set(preview.allowed()
                ? messages.get("resetLink.limit", preview.sentInLastHour(), CredentialService.RESET_EMAILS_PER_HOUR)
                : messages.get("resetLink.limitReached", CredentialService.RESET_EMAILS_PER_HOUR,
                        time.format(preview.nextAllowedAt())));
        loaded.set(true);
    }

    /** Queues the reset email; the dialog closes once it is queued. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        ExpiryChoice chosen = expiry.get();
        run(() -> credentials.sendResetLink(contactEmail, group, chosen.duration(), agent), email -> {
            finish();
            onSent.accept(email);
        });
    }

    /** Makes the link to paste instead of an email; it shows in the dialog once, which stays open to copy it. */
    public void makeLinkToPaste() {
        if (!canHandOut.get()) {
            return;
        }
        ExpiryChoice chosen = expiry.get();
        IdentityCheck identity = verification.identity();
        run(() -> credentials.recoveryLink(contactEmail, group, chosen.duration(), identity, agent), made -> {
            pastedLink.set(made.link());
            pastedNote.set(messages.get("resetLink.pasted", time.format(made.expiresAt())));
            onPasted.accept(made);
        });
    }

    /** Makes a code to read out by phone instead of an email; it shows in the dialog once. */
    public void makeCodeToReadOut() {
        if (!canHandOut.get()) {
            return;
        }
        IdentityCheck identity = verification.identity();
        run(() -> credentials.recoveryCode(contactEmail, group, identity, agent), made -> {
            code.set(made.code());
            codeNote.set(messages.get("resetLink.code.note", made.pageUrl(), time.format(made.expiresAt()),
                    CredentialService.CODE_TRIES));
            onCode.accept(made);
        });
    }

    /** How the caller was verified: required for a link to paste or a code by phone. */
    public CallerVerification verification() {
        return verification;
    }

    /** A link to paste or a code by phone may be made: as {@link #canSend()}, and the caller's verification said. */
    public ObservableBooleanValue canHandOut() {
        return canHandOut;
    }

    /** The code to read out once made ("0471 8263"); empty before. */
    public ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }

    /** Where the contact types it, until when, and that it is shown once. */
    public ReadOnlyStringProperty codeNoteProperty() {
        return codeNote.getReadOnlyProperty();
    }

    /** Puts the link on the clipboard, and takes it off again after a minute. */
    public void copyLink() {
        String link = pastedLink.get();
        if (link.isEmpty()) {
            return;
        }
        clipboard.putText(link);
        pastedNote.set(messages.get("resetLink.copied", ChangePasswordViewModel.CLIPBOARD_LIFETIME.toSeconds()));
        executor.schedule(ChangePasswordViewModel.CLIPBOARD_LIFETIME, () -> {
            clipboard.clearIfStill(link);
            pastedNote.set(messages.get("resetLink.clipboardCleared"));
        });
    }

    /** The link to paste once made; empty before. */
    public ReadOnlyStringProperty pastedLinkProperty() {
        return pastedLink.getReadOnlyProperty();
    }

    /** Shown once and not emailed, until when it works; then whether it is on the clipboard. */
    public ReadOnlyStringProperty pastedNoteProperty() {
        return pastedNote.getReadOnlyProperty();
    }

    private ExpiryChoice choice(int hours) {
        return choices.stream().filter(c -> c.hours() == hours).findFirst().orElse(null);
    }

    public ObservableList<ExpiryChoice> choices() {
        return choices;
    }

    public ObjectProperty<ExpiryChoice> expiryProperty() {
        return expiry;
    }

    /** The address the email goes to. */
    public ReadOnlyStringProperty recipientProperty() {
        return recipient.getReadOnlyProperty();
    }

    /** Which access the link opens: the Client Portal (membership) or one community group. */
    public ReadOnlyStringProperty accessProperty() {
        return access.getReadOnlyProperty();
    }

    /** "The link works once and stops working 24 hours after it is sent." */
    public ObservableStringValue expiryText() {
        return expiryText;
    }

    /** How many reset emails went out in the last hour, or when the next one may go. */
    public ReadOnlyStringProperty limitTextProperty() {
        return limitText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty allowedProperty() {
        return allowed.getReadOnlyProperty();
    }

    public ObservableBooleanValue canSend() {
        return canSend;
    }
}
