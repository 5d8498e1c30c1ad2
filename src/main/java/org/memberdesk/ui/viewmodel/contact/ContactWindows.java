package org.memberdesk.ui.viewmodel.contact;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where contact windows live: one per contact; showing an open one brings it to the front. The
 * dialogs of a contact's actions open over that contact's window ({@code contactId}); the New
 * contact form, which has no contact yet, over the main window.
 */
public interface ContactWindows {

    /** Shows the contact's window, creating its view model with {@code model} only when none is open. */
    void show(UUID contactId, Supplier<ContactViewModel> model);

    /** Send Reset Link, as a confirmation over the contact's window. */
    void showResetLink(UUID contactId, ResetLinkViewModel model);

    void showChangePassword(UUID contactId, ChangePasswordViewModel model);

    void showGrantOffer(UUID contactId, GrantOfferViewModel model);

    void showRevokeOffer(UUID contactId, RevokeOfferViewModel model);

    /** Unlock, asking (optionally) how the caller was verified. */
    void showUnlock(UUID contactId, UnlockViewModel model);

    /** New contact ({@code contactId} null, over the main window) or Edit contact. */
    void showContactForm(UUID contactId, ContactFormViewModel model);

    /** Reads the open window of this contact again from the database (see {@link ContactViewModel#refresh()}); none open: nothing. */
    void refresh(UUID contactId);

    /** Reads every open contact window again. */
    void refreshAll();

    /** Closes every contact window (the session that opened them closes). */
    void closeAll();
}
