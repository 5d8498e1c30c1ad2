package org.memberdesk.service.contacts;

import java.util.List;
import org.memberdesk.service.communities.CommunityView;
import org.memberdesk.service.credentials.CredentialView;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.offers.GrantView;

/**
 * Everything the contact window shows, loaded in one read; {@code version}: of the contact's name,
 * email and tags as shown, which an edit based on them carries.
 */
public record ContactCard(ContactSummary contact, long version, CredentialView portal, List<GrantView> offers,
                          List<CommunityView> communities, List<EmailView> emails) {

    public List<GrantView> activeOffers() {
        return offers.stream().filter(GrantView::active).toList();
    }
}
