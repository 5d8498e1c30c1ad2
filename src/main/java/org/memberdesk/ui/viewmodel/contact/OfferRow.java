package org.memberdesk.ui.viewmodel.contact;

import java.util.UUID;
import org.memberdesk.service.offers.GrantView;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * One offer of the contact, ready to show.
 *
 * @param ends when access ends or ended ("No end date" while it runs open-ended)
 * @param revoked when and why it was revoked, or empty
 * @param grantStatus the service's status of the grant
 */
public record OfferRow(UUID grantId, String offer, String status, Tone statusTone, boolean active, String granted,
                       String ends, String revoked, GrantView.Status grantStatus) {

    /** Active or expired: revoking it means something. */
    public boolean revocable() {
        return grantStatus != GrantView.Status.REVOKED;
    }
}
