package org.memberdesk.service.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Lookups;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;
import org.memberdesk.service.email.EmailView;

/**
 * Magic-link sign-in: a single-use link, emailed, that signs the contact in to the Client Portal
 * for {@link #TTL}. Off until the business turns it on. Each link counts towards the hourly limit of
 * emails with a way in, like a reset link; a password change and an email change revoke it; a newer
 * link of the credential supersedes it. Opening the link only shows a Sign in button (mail scanners
 * open links); the POST of that button signs in (see {@code PortalAuthService.signInWithLink}).
 */
public final class SignInLinks {

    /** "on" or "off" (the default). */
    public static final String SETTING = "portal.magic-links.enabled";
    public static final Duration TTL = Duration.ofMinutes(15);

    /** Who would get a link now, and who is skipped for the hourly limit (with when they may). */
    public record Preview(List<String> ready, List<Skipped> overLimit) {
    }

    /** A contact a bulk send passed over, and why. */
    public record Skipped(String email, String reason) {
    }

    /** What a bulk send did. */
    public record BulkResult(List<EmailView> sent, List<Skipped> skipped) {
    }

    /** After each contact of a bulk send: how many are done of how many. */
    public record Progress(int done, int total) {
    }

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;
    private final CredentialService credentials;

    public SignInLinks(Transactions tx, AuditLog audit, Clock clock, CredentialService credentials) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.credentials = credentials;
    }

    public boolean enabled() {
        return tx.read(SignInLinks::enabled);
    }

    static boolean enabled(Tx t) {
        return "on".equals(t.settings().get(SETTING).orElse("off"));
    }

    /** Turns magic-link sign-in on or off; audited when it changes. Off also stops links already sent. */
    public boolean setEnabled(boolean on, Actor actor) {
        return tx.write(t -> {
            if (enabled(t) != on) {
                t.settings().put(SETTING, on ? "on" : "off", clock.instant());
                audit.record(t, actor, "portal.magic-links-changed", null, on ? "turned on" : "turned off");
            }
            return on;
        });
    }

    /** Emails one contact a sign-in link (an agent's Send login email, or `credentials login-link`). */
    public EmailView send(String contactEmail, Actor actor) {
        try {
            return tx.write(t -> {
                requireEnabled(t);
                Contact contact = Lookups.contact(t, contactEmail);
                EmailMessage message = credentials.queueLoginLink(t, contact, TTL, actor);
                audit.record(t, actor, "credentials.login-link-sent", contact,
                        "membership (Client Portal), link valid " + TTL.toMinutes() + " minutes");
                return EmailView.of(message);
            });
        } catch (CredentialService.RateLimited refused) {
            credentials.recordRefusal(contactEmail, actor, "credentials.login-link-sent", refused.getMessage());
            throw refused;
        }
    }

    /** Who of these would get a link now and who is over the hourly limit; unknown addresses are refused. */
    public Preview preview(Collection<String> contactEmails) {
        Set<String> emails = distinct(contactEmails);
        return tx.read(t -> {
            requireEnabled(t);
            List<String> ready = new ArrayList<>();
            List<Skipped> over = new ArrayList<>();
            for (String email : emails) {
                Contact contact = Lookups.contact(t, email);
                Instant next = credentials.nextWayInAllowed(t, contact);
                if (next == null) {
                    ready.add(contact.getEmail());
                } else {
                    over.add(new Skipped(contact.getEmail(), overLimit(next)));
                }
            }
            return new Preview(ready, over);
        });
    }

    /**
     * Send login email to many: one transaction per contact, so a contact over the hourly limit (or
     * gone meanwhile) is skipped and listed while the others get their link. {@code progress} hears
     * after each contact.
     */
    public BulkResult sendMany(Collection<String> contactEmails, Actor actor, Consumer<Progress> progress) {
        Set<String> emails = distinct(contactEmails);
        if (emails.isEmpty()) {
            throw new UserError("choose at least one contact");
        }
        tx.read(t -> {
            requireEnabled(t);
            return null;
        });
        List<EmailView> sent = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int done = 0;
        for (String email : emails) {
            try {
                sent.add(send(email, actor));
            } catch (CredentialService.RateLimited over) {
                skipped.add(new Skipped(email, over.getMessage()));
            } catch (UserError.DatabaseUnreachable unreachable) {
                throw unreachable;
            } catch (UserError refused) {
                skipped.add(new Skipped(email, refused.getMessage()));
            }
            done++;
            if (progress != null) {
                progress.accept(new Progress(done, emails.size()));
            }
        }
        return new BulkResult(sent, skipped);
    }

    /**
     * The portal's "Email me a sign-in link": queues a link for a real contact under the limit and
     * does nothing otherwise. Never says which, never throws for an unknown address.
     */
    public void requestFromPortal(String email) {
        try {
            tx.write(t -> {
                if (!enabled(t)) {
                    return null;
                }
                Optional<Contact> contact = email == null || email.isBlank() || email.length() > 320
                        ? Optional.empty() : t.contacts().byEmail(email);
                if (contact.isEmpty()) {
                    return null;
                }
                Actor self = Actor.selfService();
                credentials.queueLoginLink(t, contact.get(), TTL, self);
                audit.record(t, self, "credentials.login-link-sent", contact.get(),
                        "membership (Client Portal), requested on the portal");
                return null;
            });
        } catch (CredentialService.RateLimited refused) {
            credentials.recordRefusal(email, Actor.selfService(), "credentials.login-link-sent", refused.getMessage());
        }
    }

    private static void requireEnabled(Tx t) {
        if (!enabled(t)) {
            throw new UserError("magic-link sign-in is off: turn it on in Settings → Portal, or with"
                    + " `memberdesk portal magic-links on`");
        }
    }

    private static Set<String> distinct(Collection<String> emails) {
        Set<String> distinct = new LinkedHashSet<>();
        if (emails != null) {
            for (String email : emails) {
                if (email != null && !email.isBlank()) {
                    distinct.add(email.strip().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return distinct;
    }

    private static String overLimit(Instant next) {
        return CredentialService.RESET_EMAILS_PER_HOUR + " emails with a way in went out in the last hour; the next"
                + " can be sent at " + next;
    }
}
