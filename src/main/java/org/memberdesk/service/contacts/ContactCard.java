package org.memberdesk.service.contacts;

import java.util.List;
import org.memberdesk.service.communities.CommunityView;
import org.memberdesk.service.credentials.CredentialView;
import org.memberdesk.service.email.EmailView;
import org.memberdesk.service.offers.GrantView;

/** Everything the contact window shows, loaded in one read. */
public record ContactCard(ContactSummary contact, CredentialView portal, List<GrantView> offers,
                          List<CommunityView> communities, List<EmailView> emails) {

    public List<GrantView> activeOffers() {
        return offers.stream().filter(GrantView::active).toList();
    }
}
