package org.memberdesk.service.diagnostics;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.domain.Offer;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactEdit;
import org.memberdesk.service.contacts.ContactService;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.contacts.EmailChange;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.service.credentials.IdentityCheck;
import org.memberdesk.service.email.EmailService;
import org.memberdesk.service.email.EmailView;

/**
 * "Why can't they log in?": runs every check for what the contact needs help with and returns
 * the findings worst first, each with its evidence and one-click fix; {@link #applyFix} performs
 * that fix through the same services the contact window uses, so the console and the command
 * line fix things the same way (and every fix is audited by the service that does it).
 */
public final class DiagnosticsService {

    private final Transactions tx;
    private final Clock clock;
    private final ContactService contacts;
    private final CredentialService credentials;
    private final EmailService emails;

    public DiagnosticsService(Transactions tx, Clock clock, ContactService contacts, CredentialService credentials,
                              EmailService emails) {
        this.tx = tx;
        this.clock = clock;
        this.contacts = contacts;
        this.credentials = credentials;
        this.emails = emails;
    }

    /**
     * Runs the checks. With {@link Concern#none()} only the checks that need no answer run (the
     * address, any offer at all, delivery failures, the membership lock, links, the password).
     * An offer or group named in the concern must exist.
     */
    public List<Finding> diagnose(String contactEmail, Concern concern) {
        Concern asked = concern == null ? Concern.none() : concern;
        return tx.read(t -> {
            Contact contact = contact(t, contactEmail);
            Offer offer = asked.topic() == Concern.Topic.OFFER
                    ? t.offers().byName(asked.name())
                            .orElseThrow(() -> new UserError("no offer named '" + asked.name() + "'"))
                    : null;
            CommunityGroup group = asked.topic() == Concern.Topic.COMMUNITY
                    ? t.communities().byName(asked.name())
                            .orElseThrow(() -> new UserError("no community group named '" + asked.name() + "'"))
                    : null;
            Instant now = clock.instant();
            return new Diagnosis(Situation.load(t, contact, asked, now, clock.getZone(), offer, group)).run();
        });
    }

    /** Applies a finding's fix (see {@link Fix} for the actions and their parameters). */
    public FixResult applyFix(String contactEmail, Fix fix, Actor actor) {
        return applyFix(contactEmail, fix.action(), fix.params(), actor);
    }

    /**
     * Performs a fix action for the contact. {@code open-offers} has nothing to perform here: the
     * console opens the Offers tab instead, and this refuses it with a sentence that says so.
     */
    public FixResult applyFix(String contactEmail, Fix.Action action, Map<String, String> params, Actor actor) {
        Map<String, String> p = params == null ? Map.of() : params;
        String current = tx.read(t -> contact(t, contactEmail).getEmail());
        return switch (action) {
            case RETRY_EMAIL -> {
                UUID emailId = emailOf(current, required(p, "emailId", action.code()));
                EmailView retried = emails.retry(emailId, actor);
                yield new FixResult(action, true, "queued the " + retried.kind().code() + " email again to "
                        + retried.recipient(), retried.id());
            }
            case RESEND_WELCOME -> {
                EmailView resent = credentials.resendWelcome(current, required(p, "offer", action.code()), actor);
                yield new FixResult(action, true, "queued the welcome email for " + resent.offer()
                        + " to " + resent.recipient(), resent.id());
            }
            case SEND_RESET_LINK -> {
                String group = blankToNull(p.get("group"));
                EmailView sent = credentials.sendResetLink(current, group, null, actor);
                yield new FixResult(action, true, "queued a reset link"
                        + (group == null ? "" : " for community group " + sent.group()) + " to " + sent.recipient(),
                        sent.id());
            }
            case UNLOCK -> {
                String group = blankToNull(p.get("group"));
                boolean unlocked = credentials.unlock(current, group, actor);
                String access = group == null ? "the Client Portal account" : "community group " + group;
                yield new FixResult(action, unlocked, unlocked ? "unlocked " + access
                        : access + " was not locked: nothing to do", null);
            }
            case EDIT_EMAIL -> {
                String newEmail = blankToNull(p.get("email"));
                if (newEmail == null) {
                    newEmail = blankToNull(p.get("suggested"));
                }
                if (newEmail == null) {
                    throw new UserError("give the corrected email address");
                }
                String verifiedBy = blankToNull(p.get("verified-by"));
                IdentityCheck identity = verifiedBy == null ? null : IdentityCheck.of(verifiedBy, p.get("note"));
                ContactEdit edit = contacts.change(current, newEmail, null, null, identity, actor);
                ContactSummary edited = edit.contact();
                EmailChange change = edit.emailChange();
                yield new FixResult(action, change != null, change != null ? "changed the email from "
                        + current + " to " + edited.email() + " (" + change.summary() + "; the old address is told)"
                        : "the email is already " + edited.email() + ": nothing to do", null, change);
            }
            case OPEN_OFFERS -> throw new UserError("open-offers is done in the contact window:"
                    + " open the contact's Offers tab to grant or renew an offer");
            case CHECK_ADDRESS -> throw new UserError("check-address is done by the agent: check the address with "
                    + "the contact, correct it with Edit contact (contacts edit --contact E --email NEW --verified-by HOW), then retry");
        };
    }

    /** The email's id, refused unless it belongs to this contact. */
    private UUID emailOf(String contactEmail, String emailId) {
        UUID id;
        try {
            id = UUID.fromString(emailId.strip());
        } catch (IllegalArgumentException e) {
            throw new UserError("'" + emailId + "' is not an email id");
        }
        boolean theirs = tx.read(t -> t.emails().byId(id)
                .map(m -> m.getContact().getEmail().equals(contactEmail)).orElse(false));
        if (!theirs) {
            throw new UserError("no email with id " + id + " for " + contactEmail);
        }
        return id;
    }

    /**
     * The contact by email, case-insensitively. Looked up as stored before the address is judged,
     * so a contact whose address no longer passes today's check can still be diagnosed.
     */
    private static Contact contact(Tx t, String email) {
        if (email == null || email.isBlank()) {
            throw new UserError("email is required");
        }
        String key = email.strip().toLowerCase(Locale.ROOT);
        return t.contacts().byEmail(key).or(() -> {
            try {
                return t.contacts().byEmail(EmailAddress.lookupKey(key));
            } catch (InvalidInputException e) {
                return Optional.<Contact>empty();
            }
        }).orElseThrow(() -> {
            try {
                return new UserError("no contact with email " + EmailAddress.lookupKey(key));
            } catch (InvalidInputException e) {
                return new UserError(e.getMessage());
            }
        });
    }

    private static String required(Map<String, String> params, String key, String action) {
        String value = blankToNull(params.get(key));
        if (value == null) {
            throw new UserError(action + " needs the parameter " + key);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
