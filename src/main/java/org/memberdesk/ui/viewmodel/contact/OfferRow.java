package org.memberdesk.ui.viewmodel.contact;

import java.util.UUID;
import org.memberdesk.ui.viewmodel.Tone;

/**
 * One offer of the contact, ready to show.
 *
 * @param ends when access ends or ended ("No end date" while it runs open-ended)
 * @param revoked when and why it was revoked, or empty
 * @param statusCode the service's code of the status ("active", "revoked", "expired")
 */
public record OfferRow(UUID grantId, String offer, String status, Tone statusTone, boolean active, String granted,
                       String ends, String revoked, String statusCode) {
}
