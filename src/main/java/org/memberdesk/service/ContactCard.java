package org.memberdesk.service;

import java.util.List;

/** Everything the contact window shows, loaded in one read. */
public record ContactCard(ContactSummary contact, CredentialView portal, List<GrantView> offers,
                          List<CommunityView> communities, List<EmailView> emails) {

    public List<GrantView> activeOffers() {
        return offers.stream().filter(GrantView::active).toList();
    }
}
