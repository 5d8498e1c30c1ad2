package org.memberdesk.ui.viewmodel.contact;

import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.memberdesk.service.contacts.ContactEdit;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.service.credentials.CredentialService.PasswordChange;
import org.memberdesk.service.offers.GrantResult;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.viewmodel.Command;
import org.memberdesk.ui.viewmodel.EmailChangeFollowUp;
import org.memberdesk.ui.viewmodel.Failures;

/**
 * The commands of one contact window: Resend, Grant offer and Revoke on the Offers tab; Send Reset
 * Link, Change Password and Unlock for the Client Portal and for each community group; Edit contact.
 * Each runs through the services as the console's agent; afterwards the window reads the contact
 * and its Email History again, so a queued email shows at once, and a notification says what
 * happened and to whom.
 */
public final class ContactActionsViewModel {

    private final ContactViewModel contact;
    private final ContactBackend backend;
    private final ContactWindows windows;
    private final EmailHistoryViewModel.Tools tools;
    private final Messages messages;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final Command resendCommand;
    private final Command loginLinkCommand;
    private final BooleanBinding canUnlockPortal;

    ContactActionsViewModel(ContactViewModel contact, ContactBackend backend, ContactWindows windows,
                            EmailHistoryViewModel.Tools tools) {
        this.contact = contact;
        this.backend = backend;
        this.windows = windows;
        this.tools = tools;
        this.messages = tools.messages();
        // one call at a time from the window: a second Resend waits, and Unlock is not offered meanwhile
        resendCommand = new Command(tools.executor(), busy.not(), this::resendFailed);
        loginLinkCommand = new Command(tools.executor(), busy.not(),
                failure -> failed("actions.loginLink.failed", failure));
        busy.bind(resendCommand.runningProperty().or(loginLinkCommand.runningProperty()));
        canUnlockPortal = Bindings.createBooleanBinding(
                () -> !busy.get() && contact.portalProperty().get() != null && contact.portalProperty().get().locked(),
                busy, contact.portalProperty());
    }

    // ---- Offers ----

    /** Why Resend is not possible for this offer; empty for an active one. */
    public String resendUnavailable(OfferRow offer) {
        if (offer.active()) {
            return "";
        }
        return messages.getOrDefault("actions.resend.unavailable." + offer.grantStatus().code(),
                messages.get("actions.resend.unavailable.other"));
    }

    /** Queues the offer's welcome email again at once; the password stays as it is. */
    public void resend(OfferRow offer) {
        if (offer == null || !offer.active()) {
            return;
        }
        resend(contact.emailProperty().get(), offer.offer(), false);
    }

    private void resend(String email, String offer, boolean again) {
        resendCommand.run(() -> backend.credentials().resendWelcome(email, offer, again, tools.agent()),
                sent -> announce(messages.get("actions.resend.done", offer, sent.recipient())));
    }

    /** The same welcome went minutes ago: ask before sending it once more, naming when it went. */
    private void resendFailed(Exception failure) {
        if (!(failure instanceof CredentialService.ResendTooSoon tooSoon)) {
            failed("actions.resend.failed", failure);
            return;
        }
        String email = contact.emailProperty().get();
        if (tools.dialogs().confirm(messages.get("actions.resend.again.title"),
                messages.get("actions.resend.again.question", tooSoon.offer(), email,
                        tools.time().format(tooSoon.lastSentAt())),
                messages.get("actions.resend.again.details"), messages.get("actions.resend.again.accept"),
                messages.get("actions.resend.confirm.decline"))) {
            resend(email, tooSoon.offer(), true);
        }
    }

    /**
     * The keyboard's Resend: the chosen offer when it is active, else the first active one (the list
     * shows active offers first); without an active offer it says so rather than doing nothing. It asks
     * first: many people press Ctrl+R for "refresh", and one keystroke must not send an email.
     */
    public void resendChosenOrFirstActive(OfferRow chosen) {
        if (contact.emailProperty().get().isEmpty()) {
            return; // still loading
        }
        OfferRow offer = chosen != null && chosen.active() ? chosen
                : contact.offers().stream().filter(OfferRow::active).findFirst().orElse(null);
        if (offer == null) {
            announce(messages.get("actions.resend.noActiveOffer"));
            return;
        }
        String email = contact.emailProperty().get();
        if (tools.dialogs().confirm(messages.get("actions.resend.confirm.title"),
                messages.get("actions.resend.confirm.question", offer.offer(), email),
                messages.get("actions.resend.confirm.details"), messages.get("actions.resend.confirm.accept"),
                messages.get("actions.resend.confirm.decline"))) {
            resend(offer);
        }
    }

    /**
     * Send login email: after the agent confirms, emails a single-use sign-in link (magic link) to the
     * Client Portal. Refused, and said, when magic-link sign-in is off or the hourly limit is reached.
     */
    public void sendLoginLink() {
        String email = contact.emailProperty().get();
        if (email.isEmpty() || busy.get()) {
            return;
        }
        if (tools.dialogs().confirm(messages.get("actions.loginLink.confirm.title"),
                messages.get("actions.loginLink.confirm.question", email),
                messages.get("actions.loginLink.confirm.details"), messages.get("actions.loginLink.confirm.accept"),
                messages.get("dialog.cancel"))) {
            loginLinkCommand.run(() -> backend.signInLinks().send(email, tools.agent()),
                    sent -> announce(messages.get("actions.loginLink.done", sent.recipient())));
        }
    }

    public void grantOffer() {
        Set<String> active = contact.offers().stream().filter(OfferRow::active).map(OfferRow::offer)
                .collect(Collectors.toSet());
        GrantOfferViewModel dialog = new GrantOfferViewModel(backend.offers(), contact.emailProperty().get(), active,
                tools, this::granted);
        windows.showGrantOffer(contact.contactId(), dialog);
        dialog.load();
    }

    private void granted(GrantResult result) {
        announce(result.changed()
                ? messages.get("actions.grant.done", result.grant().offer(), result.contact().email())
                : messages.get("actions.grant.unchanged", result.contact().email(), result.grant().offer()));
    }

    public void revoke(OfferRow offer) {
        if (offer == null || !offer.revocable()) {
            return;
        }
        RevokeOfferViewModel dialog = new RevokeOfferViewModel(backend.offers(), contact.emailProperty().get(),
                offer.offer(), tools, result -> announce(result.changed()
                        ? messages.get("actions.revoke.done", result.grant().offer(), result.contact().email())
                        : messages.get("actions.revoke.unchanged", result.grant().offer(), result.contact().email())));
        windows.showRevokeOffer(contact.contactId(), dialog);
    }

    // ---- Client Portal and community groups ----

    /** Send Reset Link for the Client Portal ({@code group} null) or one community group. */
    public void sendResetLink(CommunityRow group) {
        if (contact.emailProperty().get().isEmpty()) {
            return; // still loading: the keyboard can be faster than the window
        }
        String groupName = group == null ? null : group.group();
        ResetLinkViewModel[] dialog = new ResetLinkViewModel[1];
        dialog[0] = new ResetLinkViewModel(backend.credentials(), backend.identityChecks(), contact.emailProperty().get(),
                groupName,
                access(groupName), tools, sent -> announce(messages.get("actions.resetLink.done", access(groupName),
                        sent.recipient(), dialog[0].expiryProperty().get().hours())),
                made -> announce(messages.get("actions.recoveryLink.done", access(groupName), made.contactEmail())),
                made -> announce(messages.get("actions.recoveryCode.done", access(groupName), made.contactEmail())));
        windows.showResetLink(contact.contactId(), dialog[0]);
        dialog[0].load();
    }

    /** Change Password for the Client Portal ({@code group} null) or one community group. */
    public void changePassword(CommunityRow group) {
        String groupName = group == null ? null : group.group();
        CredentialState shown = group == null ? contact.portalProperty().get() : group.credential();
        ChangePasswordViewModel dialog = new ChangePasswordViewModel(backend.credentials(), backend.identityChecks(),
                contact.emailProperty().get(), groupName, shown == null ? null : shown.seen(),
                access(groupName), tools, change -> announce(changed(groupName, change)));
        windows.showChangePassword(contact.contactId(), dialog);
    }

    private String changed(String group, PasswordChange change) {
        String notified = change.notification() == null
                ? messages.get("actions.changePassword.notNotified")
                : messages.get("actions.changePassword.notified", change.notification().recipient());
        return messages.get("actions.changePassword.done", access(group), change.contact().email(),
                change.linksRevoked(), notified);
    }

    /**
     * Unlock for the Client Portal ({@code group} null) or one community group: a dialog that asks,
     * optionally, how the caller was verified, then lifts the lock.
     */
    public void unlock(CommunityRow group) {
        String email = contact.emailProperty().get();
        if (busy.get() || email.isEmpty()) {
            return;
        }
        String groupName = group == null ? null : group.group();
        UnlockViewModel dialog = new UnlockViewModel(backend.credentials(), backend.identityChecks(), email, groupName,
                access(groupName), tools, unlocked -> announce(messages.get(unlocked ? "actions.unlock.done"
                        : "actions.unlock.notLocked", access(groupName), email)));
        windows.showUnlock(contact.contactId(), dialog);
    }

    // ---- Contact ----

    public void editContact() {
        editContact(null);
    }

    /** Edit contact with a corrected address already typed in (null: the one on file). */
    public void editContact(String proposedEmail) {
        ContactFormViewModel form = ContactFormViewModel.edit(backend.contacts(), backend.identityChecks(),
                contact.contactId(),
                contact.version(), contact.nameProperty().get(), contact.emailProperty().get(), contact.tags(),
                tools.executor(), messages, tools.time(), tools.agent(), this::saved);
        if (proposedEmail != null) {
            form.emailProperty().set(proposedEmail);
        }
        windows.showContactForm(contact.contactId(), form);
    }

    /**
     * A new email address cancelled the old one's links and sign-ins: say so, for which access, and
     * offer to send the new address the welcome (or a reset link) now.
     */
    private void saved(ContactEdit edit) {
        ContactSummary saved = edit.contact();
        contact.edited();
        contact.load(); // the card (and the version the next edit starts from) as saved
        if (edit.emailChange() == null) {
            announce(messages.get("actions.edit.done", saved.name(), saved.email()));
            return;
        }
        new EmailChangeFollowUp(backend.credentials(), tools.executor(), tools.dialogs(), messages)
                .offer(edit.emailChange(), tools.agent(), this::announce);
    }

    /** "Client Portal (membership)" or "community group Founders Circle". */
    String access(String group) {
        return group == null ? messages.get("access.portal") : messages.get("access.community", group);
    }

    /** The service refused: say why, and read the contact again, since something may have changed. */
    private void failed(String title, Exception failure) {
        tools.dialogs().showError(messages.get(title), Failures.describe(failure, messages));
        contact.load();
    }

    /** Says what happened and reads the contact again, so the card and Email History show it. */
    private void announce(String text) {
        contact.announce(text);
        contact.load();
    }

    /** A call started from the window itself (Resend, Unlock) is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The Client Portal is locked and nothing else runs. */
    public ObservableBooleanValue canUnlockPortal() {
        return canUnlockPortal;
    }
}
