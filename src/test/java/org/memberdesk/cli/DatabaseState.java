package org.memberdesk.cli;

import java.util.List;
import org.memberdesk.service.Services;
import org.memberdesk.service.communities.CommunityService;
import org.memberdesk.service.contacts.ContactCard;
import org.memberdesk.service.offers.OfferView;

/**
 * A snapshot of contacts (with their offers, groups and emails), offers, community groups and the
 * audit trail, compared before and after.
 */
record DatabaseState(List<ContactCard> contacts, List<OfferView> offers, List<CommunityService.GroupView> groups,
                     int auditEntries) {

    static DatabaseState of(Services services) {
        List<ContactCard> contacts = services.contacts().find("", 10_000).stream()
                .map(c -> services.contacts().card(c.id()))
                .toList();
        return new DatabaseState(contacts, services.offers().list(), services.communities().list(),
                services.audit().latest(100_000).size());
    }
}
