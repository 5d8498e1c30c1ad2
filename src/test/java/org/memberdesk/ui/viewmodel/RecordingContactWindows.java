package org.memberdesk.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.memberdesk.ui.viewmodel.contact.ChangePasswordViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactFormViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactViewModel;
import org.memberdesk.ui.viewmodel.contact.ContactWindows;
import org.memberdesk.ui.viewmodel.contact.GrantOfferViewModel;
import org.memberdesk.ui.viewmodel.contact.ResetLinkViewModel;
import org.memberdesk.ui.viewmodel.contact.RevokeOfferViewModel;
import org.memberdesk.ui.viewmodel.contact.UnlockViewModel;

/** Keeps the contact windows and dialogs the view models asked to show, without showing any. */
public final class RecordingContactWindows implements ContactWindows {

    /** How often the windows were all closed. */
    public int closedAll;

    public final List<UUID> ids = new ArrayList<>();
    public final List<ContactViewModel> shown = new ArrayList<>();
    public final List<ResetLinkViewModel> resetLinks = new ArrayList<>();
    public final List<ChangePasswordViewModel> passwords = new ArrayList<>();
    public final List<GrantOfferViewModel> grants = new ArrayList<>();
    public final List<RevokeOfferViewModel> revokes = new ArrayList<>();
    public final List<UnlockViewModel> unlocks = new ArrayList<>();
    public final List<ContactFormViewModel> forms = new ArrayList<>();
    public final List<UUID> dialogOwners = new ArrayList<>();

    @Override
    public void show(UUID contactId, Supplier<ContactViewModel> model) {
        ids.add(contactId);
        shown.add(model.get());
    }

    @Override
    public void showResetLink(UUID contactId, ResetLinkViewModel model) {
        dialogOwners.add(contactId);
        resetLinks.add(model);
    }

    @Override
    public void showChangePassword(UUID contactId, ChangePasswordViewModel model) {
        dialogOwners.add(contactId);
        passwords.add(model);
    }

    @Override
    public void showGrantOffer(UUID contactId, GrantOfferViewModel model) {
        dialogOwners.add(contactId);
        grants.add(model);
    }

    @Override
    public void showRevokeOffer(UUID contactId, RevokeOfferViewModel model) {
        dialogOwners.add(contactId);
        revokes.add(model);
    }

    @Override
    public void showUnlock(UUID contactId, UnlockViewModel model) {
        dialogOwners.add(contactId);
        unlocks.add(model);
    }

    @Override
    public void showContactForm(UUID contactId, ContactFormViewModel model) {
        dialogOwners.add(contactId);
        forms.add(model);
    }

    /** Every window shown of this contact reads again (a closed one does nothing). */
    @Override
    public void refresh(UUID contactId) {
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).equals(contactId)) {
                shown.get(i).refresh();
            }
        }
    }

    @Override
    public void refreshAll() {
        shown.forEach(ContactViewModel::refresh);
    }

    @Override
    public void closeAll() {
        closedAll++;
    }
}
