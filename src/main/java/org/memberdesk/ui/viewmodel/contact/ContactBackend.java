package org.memberdesk.ui.viewmodel.contact;

import java.time.Clock;
import java.util.Objects;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.service.credentials.IdentityChecks;
import org.memberdesk.service.credentials.SignInLinks;
import org.memberdesk.service.offers.OfferService;

/**
 * The services the actions of a contact window call, and the clock by which its locks and offers
 * end.
 */
public record ContactBackend(ContactService contacts, CredentialService credentials, OfferService offers,
                             IdentityChecks identityChecks, SignInLinks signInLinks, Clock clock) {

    public ContactBackend {
        Objects.requireNonNull(contacts);
        Objects.requireNonNull(credentials);
        Objects.requireNonNull(offers);
        Objects.requireNonNull(identityChecks);
        Objects.requireNonNull(signInLinks);
        Objects.requireNonNull(clock);
    }

    public static ContactBackend of(Services services) {
        return new ContactBackend(services.contacts(), services.credentials(), services.offers(),
                services.identityChecks(), services.signInLinks(), services.clock());
    }
}
