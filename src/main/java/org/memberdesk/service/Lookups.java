package org.memberdesk.service;

import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.domain.Offer;
import org.memberdesk.persistence.Tx;

/**
 * The lookups by name that every feature makes inside its own transaction: the contact, offer or
 * community group the agent named, or a {@link UserError} saying it does not exist.
 */
public final class Lookups {

    private Lookups() {
    }

    /**
     * The contact with this email. Also finds a contact stored before today's address rules (a
     * non-ASCII part before the @, a punycode domain), so it can be corrected.
     */
    @JoinsTransaction(JoinsTransaction.Callers.EVERY_SERVICE)
    public static Contact contact(Tx t, String email) {
        String normalized;
        try {
            normalized = EmailAddress.lookupKey(email);
        } catch (InvalidInputException e) {
            throw new UserError(e.getMessage());
        }
        return t.contacts().byEmail(normalized)
                .or(() -> t.contacts().byEmail(email))
                .orElseThrow(() -> new UserError("no contact with email " + normalized));
    }

    @JoinsTransaction(JoinsTransaction.Callers.EVERY_SERVICE)
    public static Offer offer(Tx t, String name) {
        if (name == null || name.isBlank()) {
            throw new UserError("offer name is required");
        }
        return t.offers().byName(name).orElseThrow(() -> new UserError("no offer named '" + name.trim() + "'"));
    }

    @JoinsTransaction(JoinsTransaction.Callers.EVERY_SERVICE)
    public static CommunityGroup group(Tx t, String name) {
        if (name == null || name.isBlank()) {
            throw new UserError("community group name is required");
        }
        return t.communities().byName(name)
                .orElseThrow(() -> new UserError("no community group named '" + name.trim() + "'"));
    }
}
