package org.memberdesk.ui.viewmodel.insight;

import java.time.ZoneId;
import java.util.Objects;
import org.memberdesk.service.Services;
import org.memberdesk.service.activity.ActivityService;
import org.memberdesk.service.communities.CommunityService;
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.service.diagnostics.DiagnosticsService;
import org.memberdesk.service.importing.ContactImport;
import org.memberdesk.service.offers.OfferService;

/**
 * The services Diagnose, Activity and Import call: Diagnose reads the contact, the offers and the
 * groups, runs the diagnostics and applies their fixes (a changed address may send a reset link);
 * Activity reads the audit log in the data directory's time zone; Import reads and writes contacts.
 */
public record InsightBackend(ContactService contacts, OfferService offers, CommunityService communities,
                             CredentialService credentials, DiagnosticsService diagnostics,
                             ActivityService activity, ContactImport contactImport, ZoneId zone) {

    public InsightBackend {
        Objects.requireNonNull(contacts);
        Objects.requireNonNull(offers);
        Objects.requireNonNull(communities);
        Objects.requireNonNull(credentials);
        Objects.requireNonNull(diagnostics);
        Objects.requireNonNull(activity);
        Objects.requireNonNull(contactImport);
        Objects.requireNonNull(zone);
    }

    public static InsightBackend of(Services services) {
        return new InsightBackend(services.contacts(), services.offers(), services.communities(),
                services.credentials(), services.diagnostics(), services.activity(), services.contactImport(),
                services.clock().getZone());
    }
}
