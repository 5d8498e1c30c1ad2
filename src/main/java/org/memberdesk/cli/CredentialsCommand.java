package org.memberdesk.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.memberdesk.service.UserError;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.service.credentials.IdentityCheck;
import org.memberdesk.service.email.EmailView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code memberdesk credentials ...}: the ways back in. Without {@code --community} an action
 * touches the membership (Client Portal) password; with it, only that group's own password.
 */
@Command(name = "credentials",
        description = "Resend a welcome email, send a reset link, set a password, unlock a login.")
final class CredentialsCommand implements Runnable {

    private static final Pattern HOURS = Pattern.compile("(\\d{1,3})h");

    @Mixin
    private CliContext cli;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    @Command(name = "resend", description = "Resends an active offer's welcome email now; the password is not changed.")
    void resend(@Option(names = "--contact", required = true, paramLabel = "E", description = "The contact's email.")
                String contact,
                @Option(names = "--offer", required = true, paramLabel = "N", description = "The offer's name.")
                String offer,
                @Option(names = "--again", description = "Resend even though the same welcome went less than"
                        + " 10 minutes ago.") boolean again,
                @Mixin Delivery delivery) {
        Queued queued;
        try {
            queued = cli.call(services -> Queued.after(services,
                    services.credentials().resendWelcome(contact, offer, again, cli.agent()), delivery));
        } catch (CredentialService.ResendTooSoon tooSoon) {
            throw new UserError(tooSoon.getMessage() + " (--again resends it anyway)");
        }
        report(queued, queued.sent()
                ? "resent the " + offer.strip() + " welcome email to " + queued.email().recipient()
                : "queued the " + offer.strip() + " welcome email again for " + queued.email().recipient());
    }

    @Command(name = "reset-link", description = "Emails a single-use link to choose a new password (1h to 72h).")
    void resetLink(@Option(names = "--contact", required = true, paramLabel = "E", description = "The contact's email.")
                   String contact,
                   @Option(names = "--community", paramLabel = "G",
                           description = "A community group: reset that group's own password instead.") String group,
                   @Option(names = "--expires", paramLabel = "HOURS", defaultValue = "24h",
                           description = "How long the link works, e.g. 24h (1h to 72h; default ${DEFAULT-VALUE}).")
                   String expires,
                   @Mixin Delivery delivery) {
        Duration ttl = hours(expires);
        Queued queued = cli.call(services -> Queued.after(services,
                services.credentials().sendResetLink(contact, group, ttl, cli.agent()), delivery));
        String link = (group == null ? "membership" : group.strip() + " community") + " reset link";
        report(queued, (queued.sent() ? "sent a " + link + " to " : "queued a " + link + " for ")
                + queued.email().recipient() + ", valid " + ttl.toHours() + "h");
    }

    private static final String VERIFIED_BY = "How you verified the caller: email-reply (they wrote from the address"
            + " on file), phone (a number on file) or other (say how with --note). Kept in the audit log.";
    private static final String NOTE = "A note on the verification; required with --verified-by other.";

    @Command(name = "recovery-link",
            description = "Prints a single-use reset link once, to paste to the contact yourself; nothing is emailed.")
    void recoveryLink(@Option(names = "--contact", required = true, paramLabel = "E",
                              description = "The contact's email.") String contact,
                      @Option(names = "--community", paramLabel = "G",
                              description = "A community group: that group's own password instead.") String group,
                      @Option(names = "--expires", paramLabel = "HOURS", defaultValue = "24h",
                              description = "How long the link works, e.g. 2h (1h to 72h; default ${DEFAULT-VALUE}).")
                      String expires,
                      @Option(names = "--verified-by", required = true, paramLabel = "HOW",
                              description = VERIFIED_BY) String verifiedBy,
                      @Option(names = "--note", paramLabel = "T", description = NOTE) String note) {
        Duration ttl = hours(expires);
        IdentityCheck identity = IdentityCheck.of(verifiedBy, note);
        CredentialService.RecoveryLink made = cli.call(services ->
                services.credentials().recoveryLink(contact, group, ttl, identity, cli.agent()));
        cli.output().change(new JsonShapes.RecoveryLink(made.contactEmail(), made.access(), made.link(),
                        made.expiresAt().toString(), false),
                List.of(made.link(), "a single-use " + made.access() + " link for " + made.contactEmail()
                        + ", valid " + ttl.toHours() + "h (until " + made.expiresAt() + "); shown once, not emailed"));
    }

    @Command(name = "recovery-code",
            description = "Prints an 8-digit code once, to read out by phone; the contact types it on the portal's"
                    + " code page within 15 minutes. Nothing is emailed.")
    void recoveryCode(@Option(names = "--contact", required = true, paramLabel = "E",
                              description = "The contact's email.") String contact,
                      @Option(names = "--community", paramLabel = "G",
                              description = "A community group: that group's own password instead.") String group,
                      @Option(names = "--verified-by", required = true, paramLabel = "HOW",
                              description = VERIFIED_BY) String verifiedBy,
                      @Option(names = "--note", paramLabel = "T", description = NOTE) String note) {
        IdentityCheck identity = IdentityCheck.of(verifiedBy, note);
        CredentialService.RecoveryCode made = cli.call(services ->
                services.credentials().recoveryCode(contact, group, identity, cli.agent()));
        cli.output().change(new JsonShapes.RecoveryCode(made.contactEmail(), made.access(), made.code(),
                        made.expiresAt().toString(), made.pageUrl(), false),
                List.of(made.code(), "a one-time " + made.access() + " code for " + made.contactEmail() + ", valid until "
                        + made.expiresAt() + "; read it out: the contact types it with their email at " + made.pageUrl()
                        + "; shown once, not emailed"));
    }

    @Command(name = "set-password",
            description = "Sets a password you will share yourself; the contact is emailed only with --notify.")
    void setPassword(@Option(names = "--contact", required = true, paramLabel = "E",
                             description = "The contact's email.") String contact,
                     @Option(names = "--community", paramLabel = "G",
                             description = "A community group: set that group's own password instead.") String group,
                     @Option(names = "--password-stdin", required = true,
                             description = "Read the new password from standard input (never an argument); 15 to 128 characters.")
                     boolean passwordStdin,
                     @Option(names = "--notify", description = "Email the contact that the password was changed.")
                     boolean notify,
                     @Option(names = "--verified-by", paramLabel = "HOW", description = VERIFIED_BY) String verifiedBy,
                     @Option(names = "--note", paramLabel = "T", description = NOTE) String note,
                     @Mixin Delivery delivery) {
        IdentityCheck identity = identity(verifiedBy, note);
        String password = MailCommand.readPassword(cli.stdin());
        Changed changed = cli.call(services -> {
            CredentialService.PasswordChange change =
                    services.credentials().setPassword(contact, group, null, password, notify, identity, cli.agent());
            if (!notify) {
                return new Changed(change, null, false);
            }
            Delivery.Outcome delivered = delivery.afterChange(services);
            return new Changed(change, delivered, change.notification() != null
                    && services.emails().detail(change.notification().id()).email().status() == EmailView.Status.SENT);
        });
        List<String> lines = new ArrayList<>();
        lines.add("set the " + changed.change().access() + " password of " + changed.change().contact().email()
                + "; " + changed.change().linksRevoked() + " outstanding link(s) revoked; "
                + (!notify ? "no email sent"
                : changed.notified() ? "the contact is notified" : "the notification email is queued"));
        if (changed.delivered() != null) {
            lines.add(changed.delivered().line());
        }
        cli.output().change(new JsonShapes.PasswordSet(changed.change().contact().email(), changed.change().access(),
                changed.change().linksRevoked(), notify,
                changed.delivered() == null ? null : changed.delivered().json()), lines);
    }

    @Command(name = "unlock", description = "Lifts the lock that repeated failed logins put on an account.")
    void unlock(@Option(names = "--contact", required = true, paramLabel = "E", description = "The contact's email.")
                String contact,
                @Option(names = "--community", paramLabel = "G",
                        description = "A community group: unlock that group's login instead.") String group,
                @Option(names = "--verified-by", paramLabel = "HOW", description = VERIFIED_BY) String verifiedBy,
                @Option(names = "--note", paramLabel = "T", description = NOTE) String note) {
        IdentityCheck identity = identity(verifiedBy, note);
        boolean unlocked = cli.call(services -> services.credentials().unlock(contact, group, identity, cli.agent()));
        String who = contact.strip().toLowerCase(java.util.Locale.ROOT);
        cli.output().change(new JsonShapes.Unlocked(who, unlocked),
                unlocked ? "unlocked " + who : who + " was not locked; nothing changed");
    }

    private void report(Queued queued, String line) {
        cli.output().change(new JsonShapes.EmailQueued(JsonShapes.email(queued.email()), queued.delivered().json()),
                List.of(line, queued.delivered().line()));
    }

    /** Optional where the caller's verification is not required: none without --verified-by (a lone --note is refused). */
    private static IdentityCheck identity(String verifiedBy, String note) {
        if (verifiedBy == null) {
            if (note != null) {
                throw new UserError("--note goes with --verified-by");
            }
            return null;
        }
        return IdentityCheck.of(verifiedBy, note);
    }

    static Duration hours(String value) {
        Matcher m = HOURS.matcher(value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new UserError("--expires takes hours such as 24h (from 1h to 72h), not '" + value + "'");
        }
        return Duration.ofHours(Integer.parseInt(m.group(1)));
    }

    /** The queued email as it stands after delivery (or still queued with --no-send). */
    private record Queued(EmailView email, Delivery.Outcome delivered) {
        static Queued after(org.memberdesk.service.Services services, EmailView queued, Delivery delivery) {
            Delivery.Outcome delivered = delivery.afterChange(services);
            return new Queued(services.emails().detail(queued.id()).email(), delivered);
        }

        /** Only an email the server accepted is "sent"; anything else is still "queued" (or retrying). */
        boolean sent() {
            return email.status() == EmailView.Status.SENT;
        }
    }

    private record Changed(CredentialService.PasswordChange change, Delivery.Outcome delivered, boolean notified) {
    }
}
