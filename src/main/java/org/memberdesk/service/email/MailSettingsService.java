package org.memberdesk.service.email;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.mail.BounceMailboxSettings;
import org.memberdesk.mail.BounceSettingsStore;
import org.memberdesk.mail.ComposedEmail;
import org.memberdesk.mail.DemoMailServer;
import org.memberdesk.mail.EmailComposer;
import org.memberdesk.mail.MailSettings;
import org.memberdesk.mail.MailSettingsStore;
import org.memberdesk.mail.OutgoingEmail;
import org.memberdesk.mail.PortalLinks;
import org.memberdesk.mail.SmtpFailure;
import org.memberdesk.mail.SmtpSecurity;
import org.memberdesk.mail.SmtpTransport;
import org.memberdesk.mail.VerpAddress;
import org.memberdesk.persistence.Tx;
import org.memberdesk.service.Actor;
import org.memberdesk.service.AuditLog;
import org.memberdesk.service.Transactions;
import org.memberdesk.service.UserError;

/** SMTP settings, the portal URL used in links, demo mode and the test email. */
public final class MailSettingsService {

    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;
    private final MailSettingsStore store;
    private final PortalLinks links;
    private final EmailComposer composer;
    private final DemoMailServer demo;
    private final BounceSettingsStore bounceStore;
    private final Runnable bounceMailboxChanged;

    public MailSettingsService(Transactions tx, AuditLog audit, Clock clock, MailSettingsStore store, PortalLinks links,
                               EmailComposer composer, DemoMailServer demo, BounceSettingsStore bounceStore,
                               Runnable bounceMailboxChanged) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.store = store;
        this.links = links;
        this.composer = composer;
        this.demo = demo;
        this.bounceStore = bounceStore;
        this.bounceMailboxChanged = bounceMailboxChanged;
    }

    public MailSettingsView view() {
        return tx.read(this::view);
    }

    /** True when no SMTP server is configured: every email goes to the demo inbox. */
    public boolean demoMode() {
        return tx.read(t -> !store.load(t).configured());
    }

    /** Sentences the console and {@code mail settings} show; empty when all is well. */
    public List<String> warnings() {
        return view().warnings();
    }

    /** Checks and stores the form; the password only encrypted. Environment variables still win. */
    public MailSettingsView save(SmtpSettingsForm form, Actor actor) {
        return save(form, null, actor);
    }

    /**
     * {@link #save(SmtpSettingsForm, Actor)} from a form filled with the settings at {@code
     * seenVersion} (a {@link MailSettingsView#version()}): refused with {@link
     * UserError.ChangedMeanwhile}, saving nothing, when the stored SMTP settings or portal URL
     * changed since. Null checks nothing.
     */
    public MailSettingsView save(SmtpSettingsForm form, String seenVersion, Actor actor) {
        return tx.write(t -> {
            refuseIfChangedSince(t, seenVersion);
            storeSmtp(t, form, actor);
            return view(t);
        });
    }

    /**
     * The Email settings form as one save, from a form filled with the settings at {@code
     * seenVersion}: the SMTP server ({@code smtp}, null: left as it is) and the portal URL ({@code
     * portalUrl}, null: left as it is; blank removes it) are stored together or, refused like {@link
     * #save(SmtpSettingsForm, String, Actor)} or for a wrong value, not at all.
     */
    public MailSettingsView saveForm(SmtpSettingsForm smtp, String portalUrl, String seenVersion, Actor actor) {
        return tx.write(t -> {
            refuseIfChangedSince(t, seenVersion);
            if (smtp != null) {
                storeSmtp(t, smtp, actor);
            }
            if (portalUrl != null) {
                storePortalUrl(t, portalUrl, actor);
            }
            return view(t);
        });
    }

    private void storeSmtp(Tx t, SmtpSettingsForm form, Actor actor) {
        store.save(t, new MailSettingsStore.Update(form.host(), form.port(), form.security(), form.from(),
                form.user(), form.password()), clock.instant());
        String passwordNote = form.password() == null ? "" : form.password().isEmpty() ? ", password removed"
                : ", password changed";
        audit.record(t, actor, "mail.settings-changed", null,
                "SMTP " + form.host().trim() + (form.port() == null ? "" : ":" + form.port())
                        + (form.security() == null ? "" : " (" + form.security().trim() + ")") + passwordNote);
    }

    /** Forgets the stored SMTP server: back to demo mode (unless the environment configures one). */
    public MailSettingsView clear(Actor actor) {
        return clear(null, actor);
    }

    /** {@link #clear(Actor)}, refused like {@link #save(SmtpSettingsForm, String, Actor)} after a change since. */
    public MailSettingsView clear(String seenVersion, Actor actor) {
        return tx.write(t -> {
            refuseIfChangedSince(t, seenVersion);
            store.clear(t);
            audit.record(t, actor, "mail.settings-cleared", null, "SMTP settings removed");
            return view(t);
        });
    }

    /** Stores the public portal URL that links in emails use; blank removes it. */
    public MailSettingsView savePortalUrl(String url, Actor actor) {
        return savePortalUrl(url, null, actor);
    }

    /** {@link #savePortalUrl(String, Actor)}, refused like {@link #save(SmtpSettingsForm, String, Actor)}. */
    public MailSettingsView savePortalUrl(String url, String seenVersion, Actor actor) {
        return tx.write(t -> {
            refuseIfChangedSince(t, seenVersion);
            storePortalUrl(t, url, actor);
            return view(t);
        });
    }

    private void storePortalUrl(Tx t, String url, Actor actor) {
        if (url == null || url.isBlank()) {
            t.settings().remove(PortalLinks.URL_SETTING);
            audit.record(t, actor, "portal.url-changed", null, "portal URL removed");
        } else {
            String normalized = PortalLinks.normalize(url);
            t.settings().put(PortalLinks.URL_SETTING, normalized, clock.instant());
            audit.record(t, actor, "portal.url-changed", null, normalized);
        }
    }

    /**
     * Stores the port the console's portal listens on (and, without a portal URL, the port links in
     * emails point to). 1 to 65535.
     */
    public void savePortalPort(int port, Actor actor) {
        if (port < 1 || port > 65535) {
            throw new UserError("the portal port must be a number from 1 to 65535");
        }
        tx.write(t -> {
            t.settings().put(PortalLinks.PORT_SETTING, Integer.toString(port), clock.instant());
            audit.record(t, actor, "portal.port-changed", null, Integer.toString(port));
            return null;
        });
    }

    // ---- bounce mailbox ----

    /** The IMAP mailbox delivery status reports are read from, as stored; never its password. */
    public BounceMailboxView bounceMailbox() {
        return tx.read(this::bounceView);
    }

    /**
     * Checks and stores the bounce mailbox (the password only encrypted); from then on the outbox sends
     * with a VERP return path to it, and delivery reads it at the poll interval.
     */
    public BounceMailboxView saveBounceMailbox(BounceMailboxForm form, Actor actor) {
        BounceMailboxView saved = tx.write(t -> {
            bounceStore.save(t, new BounceSettingsStore.Update(form.host(), form.port(), form.security(), form.user(),
                    form.password(), form.pollInterval()), clock.instant());
            BounceMailboxView view = bounceView(t);
            String passwordNote = form.password() == null ? "" : form.password().isEmpty() ? ", password removed"
                    : ", password changed";
            audit.record(t, actor, "mail.bounce-mailbox-changed", null, "IMAP " + view.user() + " at " + view.host()
                    + ":" + view.port() + " (" + view.security() + "), every " + view.pollInterval().toSeconds()
                    + " s" + passwordNote);
            return view;
        });
        bounceMailboxChanged.run();
        return saved;
    }

    /** Forgets the bounce mailbox: nothing is read any more, and emails go out without a VERP return path. */
    public BounceMailboxView clearBounceMailbox(Actor actor) {
        return tx.write(t -> {
            bounceStore.clear(t);
            audit.record(t, actor, "mail.bounce-mailbox-cleared", null, "bounce mailbox removed");
            return bounceView(t);
        });
    }

    private BounceMailboxView bounceView(Tx t) {
        BounceMailboxSettings b = bounceStore.load(t);
        if (!b.configured()) {
            return new BounceMailboxView(false, null, null, null, null, false, b.pollInterval(), List.of());
        }
        List<String> warnings = new ArrayList<>();
        if (b.passwordUnreadable()) {
            warnings.add("The stored bounce mailbox password cannot be decrypted (was secret.key in the data "
                    + "directory replaced or lost?). Enter the password again.");
        }
        if (VerpAddress.of(b.user(), java.util.UUID.randomUUID()).isEmpty()) {
            warnings.add("The bounce mailbox user " + b.user() + " is not an email address: bounces are matched "
                    + "by Message-ID only, and emails go out without a VERP return path.");
        }
        return new BounceMailboxView(true, b.host(), b.port(), MailSecurity.of(b.security()), b.user(),
                b.password() != null || bounceStore.storedPasswordPresent(t), b.pollInterval(), List.copyOf(warnings));
    }

    private void refuseIfChangedSince(Tx t, String seenVersion) {
        if (seenVersion != null && !seenVersion.equals(StoredSettings.version(t))) {
            throw audit.changedMeanwhile(t, null, StoredSettings.CHANGES, null, StoredSettings.lastWritten(t));
        }
    }

    /**
     * Sends a test email now, straight to the server in effect (the demo server in demo mode), and
     * reports the server's own reply either way.
     */
    public TestEmailResult sendTestEmail(String to) {
        String address;
        try {
            address = EmailAddress.normalize(to);
        } catch (InvalidInputException e) {
            throw new UserError(e.getMessage());
        }
        MailSettings configured = tx.read(store::load);
        boolean demoMode = !configured.configured();
        MailSettings target = demoMode ? demo.settings() : configured;
        String server = demoMode ? "the demo mail server on this computer" : configured.describe();
        ComposedEmail email = composer.test(server);
        OutgoingEmail outgoing = new OutgoingEmail(UUID.randomUUID(), 1, address, email.subject(), email.text(),
                email.html());
        try (SmtpTransport connection = SmtpTransport.connect(target)) {
            SmtpTransport.Accepted accepted = connection.send(outgoing, clock.instant());
            return new TestEmailResult(true, accepted.reply(), demoMode
                    ? "Sent to the demo inbox: in demo mode no email leaves this computer."
                    : "The server accepted the test email for " + address + ".", demoMode);
        } catch (SmtpFailure f) {
            return new TestEmailResult(false, f.reply(), "The test email was not sent: " + f.reply(), demoMode);
        }
    }

    private MailSettingsView view(Tx t) {
        MailSettings s = store.load(t);
        PortalLinks.Resolved portal = links.resolve(t);
        List<String> warnings = new ArrayList<>();
        if (s.configured() && PortalLinks.isLocal(portal.url())) {
            warnings.add("The portal URL is " + portal.url() + ", a local address, while email goes to a real SMTP "
                    + "server: links in emails will not work for contacts. Set the public portal URL "
                    + "(MEMBERDESK_PORTAL_URL or the portal URL setting).");
        }
        if (s.passwordUnreadable()) {
            warnings.add("The stored SMTP password cannot be decrypted (was secret.key in the data directory "
                    + "replaced or lost?). Enter the password again.");
        }
        if (s.configured() && s.security() == SmtpSecurity.NONE && s.user() != null
                && !PortalLinks.isLocal("smtp://" + s.host())) {
            warnings.add("SMTP security is none: the SMTP password travels in clear to " + s.host()
                    + ". Use starttls or ssl.");
        }
        return new MailSettingsView(!s.configured(), s.host(), s.configured() ? s.port() : null,
                s.configured() ? MailSecurity.of(s.security()) : null, s.configured() ? s.from() : null, s.user(),
                s.hasPassword() || store.storedPasswordPresent(t), List.copyOf(s.fromEnvironment()), portal.url(),
                SettingSource.ofCode(portal.source()), List.copyOf(warnings), StoredSettings.version(t));
    }
}
