package org.memberdesk.ui.viewmodel.contact;

import java.util.Objects;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.service.offers.OfferService;

/** The services the actions of a contact window call. */
public record ContactBackend(ContactService contacts, CredentialService credentials, OfferService offers) {

    public ContactBackend {
        Objects.requireNonNull(contacts);
        Objects.requireNonNull(credentials);
        Objects.requireNonNull(offers);
    }

    public static ContactBackend of(Services services) {
        return new ContactBackend(services.contacts(), services.credentials(), services.offers());
    }
}
