package org.memberdesk.service.contacts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.memberdesk.domain.AccessScope;
import org.memberdesk.domain.CommunityMembership;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.Credential;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.domain.PortalAccount;
import org.memberdesk.domain.PortalSession;
import org.memberdesk.mail.EmailComposer;
import org.memberdesk.mail.Outbox;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.email.StoredTemplates;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.email.EmailView;

/**
 * What a new email address does to the account, in the transaction that changes it. Whoever read
 * the old address (a typo's domain, say) holds its links and may have chosen a password with one:
 * every unused link of the contact, for every credential, stops working; a password chosen through
 * a link mailed to another address is cleared; every session ends; mail with a link still waiting
 * for the old address is cancelled; and the old address is told, with no link and the new address
 * masked.
 */
public final class AddressChange {

    private final AuditLog audit;
    private final Clock clock;
    private final Outbox outbox;
    private final EmailComposer composer;

  public   AddressChange(AuditLog audit, Clock clock, Outbox outbox, EmailComposer composer) {
        this.audit = audit;
        this.clock = clock;
        this.outbox = outbox;
        this.composer = composer;
    }

    /** Call after {@code contact} took {@code newEmail}; {@code oldEmail} is the address it had. */
    EmailChange apply(Tx t, Contact contact, String oldEmail, String newEmail, Actor actor) {
        Instant now = clock.instant();
        UUID contactId = contact.getId();

        // One entry per credential: the membership first, then each community group.
        Map<UUID, Effect> effects = new LinkedHashMap<>();
        Effect membership = new Effect(null, t.portalAccounts().ofContact(contactId)
                .map(PortalAccount::getCredential).orElse(null));
        effects.put(null, membership);
        for (CommunityMembership m : t.communities().membershipsOf(contactId)) {
            effects.put(m.getGroup().getId(), new Effect(m.getGroup().getName(), m.getCredential()));
        }

        // Sessions that still count, before any password changes under them.
        for (PortalSession s : t.portalSessions().ofContact(contactId)) {
            Effect e = effects.get(s.getScope() == AccessScope.MEMBERSHIP ? null : s.getGroup().getId());
            if (e != null && !s.isExpired(now) && s.matchesPassword(e.credential)) {
                e.sessionsEnded++;
            }
        }
        t.portalSessions().deleteOfContact(contactId);

        for (CredentialToken token : t.tokens().ofContact(contactId)) {
            if (token.state(now) == CredentialToken.State.LIVE) {
                token.revoke(now);
                Effect e = effects.get(token.getGroup() == null ? null : token.getGroup().getId());
                if (e != null) {
                    e.linksRevoked++;
                }
            }
        }

        for (Effect e : effects.values()) {
            Credential c = e.credential;
            if (c != null && c.hasPassword() && c.getPasswordLinkAddress() != null
                    && !c.getPasswordLinkAddress().equals(newEmail)) {
                e.clearedFrom = c.getPasswordLinkAddress();
                c.clearPassword();
            }
        }

        int cancelled = 0;
        for (EmailMessage m : t.emails().ofContact(contactId)) {
            boolean waiting = m.getStatus() == EmailStatus.QUEUED || m.getStatus() == EmailStatus.RETRYING;
            if (waiting && m.linkForFormerAddress()) {
                m.cancelForChangedAddress();
                cancelled++;
            }
        }

        EmailMessage notice = outbox.enqueueTo(t, contact, oldEmail,
                composer.withSource(StoredTemplates.within(t)).addressChanged(contact.getName(), oldEmail,
                        mask(newEmail), now), actor.origin(),
                actor.name());

        List<EmailChange.AccessEffect> touched = effects.values().stream()
                .map(Effect::view).filter(EmailChange.AccessEffect::affected).toList();
        audit.record(t, actor, "contact.email-changed", contact,
                describe(oldEmail, newEmail, effects, cancelled));
        return new EmailChange(oldEmail, newEmail, touched, cancelled, EmailView.of(notice),
                followUps(t, contactId, touched, now));
    }

    /** The welcome of the most recently granted active offer, else a membership reset link; then each group touched. */
    private static List<EmailChange.FollowUp> followUps(Tx t, UUID contactId, List<EmailChange.AccessEffect> touched,
                                                        Instant now) {
        List<EmailChange.FollowUp> next = new ArrayList<>();
        t.grants().ofContact(contactId).stream()
                .filter(g -> g.isActive(now))
                .max(Comparator.comparing(OfferGrant::getGrantedAt))
                .ifPresentOrElse(
                        g -> next.add(new EmailChange.FollowUp(EmailChange.FollowUp.Action.RESEND_WELCOME,
                                g.getOffer().getName(), null)),
                        () -> next.add(new EmailChange.FollowUp(EmailChange.FollowUp.Action.RESET_LINK, null, null)));
        for (EmailChange.AccessEffect e : touched) {
            if (e.group() != null && (e.passwordCleared() || e.linksRevoked() > 0)) {
                next.add(new EmailChange.FollowUp(EmailChange.FollowUp.Action.RESET_LINK, null, e.group()));
            }
        }
        return List.copyOf(next);
    }

    private static String describe(String oldEmail, String newEmail, Map<UUID, Effect> effects, int cancelled) {
        StringBuilder detail = new StringBuilder("from ").append(oldEmail).append(" to ").append(newEmail);
        for (Effect e : effects.values()) {
            detail.append("; ").append(e.view().access()).append(": ")
                    .append(e.linksRevoked).append(" link(s) revoked, ")
                    .append(e.sessionsEnded).append(" session(s) ended, ")
                    .append(e.clearedFrom != null
                            ? "password cleared (it was set through a link mailed to " + e.clearedFrom + ")"
                            : e.credential != null && e.credential.hasPassword() ? "password kept"
                            : "no password set");
        }
        if (cancelled > 0) {
            detail.append("; ").append(cancelled).append(" queued email(s) with a link cancelled");
        }
        return detail.append("; notice queued to ").append(oldEmail).toString();
    }

    /** "ivan@gmail.com" -> "i***@g***.com": enough for the owner to recognise, too little to use. */
    static String mask(String address) {
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String host = dot > 0 ? domain.substring(0, dot) : domain;
        String tld = dot > 0 ? domain.substring(dot) : "";
        return first(local) + "***@" + first(host) + "***" + tld;
    }

    private static String first(String part) {
        return part.isEmpty() ? "" : part.substring(0, part.offsetByCodePoints(0, 1));
    }

    /** What the change does to one credential, counted as it goes. */
    private static final class Effect {
        final String group;
        final Credential credential;
        int linksRevoked;
        int sessionsEnded;
        String clearedFrom;

        Effect(String group, Credential credential) {
            this.group = group;
            this.credential = credential;
        }

        EmailChange.AccessEffect view() {
            return new EmailChange.AccessEffect(group, linksRevoked, sessionsEnded, clearedFrom != null);
        }
    }
}
