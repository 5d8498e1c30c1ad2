package org.memberdesk.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.memberdesk.service.UserError;
import org.memberdesk.service.credentials.CredentialService;
import org.memberdesk.service.credentials.IdentityCheck;
import org.memberdesk.service.credentials.IdentityChecks;
import org.memberdesk.service.credentials.SignInLinks;
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

    private static final String VERIFIED_BY = VerifiedBy.HOW + " Required unless `credentials identity-checks"
            + " --recovery optional` relaxed it.";
    private static final String OPTIONAL_VERIFIED_BY = VerifiedBy.HOW + " Optional here.";
    private static final String NOTE = VerifiedBy.NOTE;

    @Command(name = "recovery-link",
            description = "Prints a single-use reset link once, to paste to the contact yourself; nothing is emailed.")
    void recoveryLink(@Option(names = "--contact", required = true, paramLabel = "E",
                              description = "The contact's email.") String contact,
                      @Option(names = "--community", paramLabel = "G",
                              description = "A community group: that group's own password instead.") String group,
                      @Option(names = "--expires", paramLabel = "HOURS", defaultValue = "24h",
                              description = "How long the link works, e.g. 2h (1h to 72h; default ${DEFAULT-VALUE}).")
                      String expires,
                      @Option(names = "--verified-by", paramLabel = "HOW",
                              description = VERIFIED_BY) String verifiedBy,
                      @Option(names = "--note", paramLabel = "T", description = NOTE) String note) {
        Duration ttl = hours(expires);
        IdentityCheck identity = VerifiedBy.of(verifiedBy, note);
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
                      @Option(names = "--verified-by", paramLabel = "HOW",
                              description = VERIFIED_BY) String verifiedBy,
                      @Option(names = "--note", paramLabel = "T", description = NOTE) String note) {
        IdentityCheck identity = VerifiedBy.of(verifiedBy, note);
        CredentialService.RecoveryCode made = cli.call(services ->
                services.credentials().recoveryCode(contact, group, identity, cli.agent()));
        cli.output().change(new JsonShapes.RecoveryCode(made.contactEmail(), made.access(), made.code(),
                        made.expiresAt().toString(), made.pageUrl(), false),
                List.of(made.code(), "a one-time " + made.access() + " code for " + made.contactEmail() + ", valid until "
                        + made.expiresAt() + "; read it out: the contact types it with their email at " + made.pageUrl()
                        + "; shown once, not emailed"));
    }

    @Command(name = "login-link",
            description = {"Emails a single-use sign-in link (a magic link, 15 minutes) to the Client Portal; needs"
                    + " `portal magic-links on`.",
                    "Several --contact: one email each; a contact over the limit of 5 emails with a way in per hour is"
                            + " skipped and listed."})
    void loginLink(@Option(names = "--contact", required = true, paramLabel = "E",
                           description = "The contact's email; repeat for several.") List<String> contacts,
                   @Mixin Delivery delivery) {
        record Sent(SignInLinks.BulkResult result, List<EmailView> now, Delivery.Outcome delivered) {
        }
        Sent sent = cli.call(services -> {
            SignInLinks.BulkResult result = contacts.size() == 1
                    ? new SignInLinks.BulkResult(List.of(services.signInLinks().send(contacts.get(0), cli.agent())),
                    List.of())
                    : services.signInLinks().sendMany(contacts, cli.agent(), null);
            Delivery.Outcome delivered = delivery.afterChange(services);
            List<EmailView> now = result.sent().stream().map(e -> services.emails().detail(e.id()).email()).toList();
            return new Sent(result, now, delivered);
        });
        List<String> lines = new ArrayList<>();
        for (EmailView email : sent.now()) {
            lines.add((email.status() == EmailView.Status.SENT ? "sent a sign-in link to " : "queued a sign-in link for ")
                    + email.recipient() + ", valid " + SignInLinks.TTL.toMinutes() + " minutes");
        }
        for (SignInLinks.Skipped skipped : sent.result().skipped()) {
            lines.add("skipped " + skipped.email() + ": " + skipped.reason());
        }
        lines.add(sent.delivered().line());
        cli.output().change(new JsonShapes.LoginLinks(sent.now().stream().map(JsonShapes::email).toList(),
                sent.result().skipped().stream().map(s -> new JsonShapes.Skipped(s.email(), s.reason())).toList(),
                sent.delivered().json()), lines);
    }

    @Command(name = "verify-code",
            description = {"Checks that a caller is the contact: without --code, emails a 6-digit code to the address on"
                    + " file; with --code, checks what the caller read back.",
                    "After a right code, --verified-by email-code is accepted for 30 minutes."})
    void verifyCode(@Option(names = "--contact", required = true, paramLabel = "E",
                            description = "The contact's email.") String contact,
                    @Option(names = "--code", paramLabel = "NNNNNN",
                            description = "The code the caller read back (5 wrong tries kill it).") String code,
                    @Mixin Delivery delivery) {
        if (code == null) {
            IdentityChecks.CodeSent sent = cli.call(services -> {
                IdentityChecks.CodeSent queued = services.identityChecks().sendCode(contact, cli.agent());
                Queued after = Queued.after(services, queued.email(), delivery);
                return new IdentityChecks.CodeSent(after.email(), queued.expiresAt());
            });
            String to = sent.email().recipient();
            cli.output().change(new JsonShapes.CodeSent(to, sent.email().status().code(), sent.expiresAt().toString()),
                    List.of((sent.email().status() == EmailView.Status.SENT ? "emailed" : "queued") + " a 6-digit code to "
                            + to + ", valid until " + sent.expiresAt(),
                            "ask the caller to read it back, then: memberdesk credentials verify-code --contact " + to
                                    + " --code NNNNNN"));
            return;
        }
        IdentityChecks.CodeCheck check = cli.call(services ->
                services.identityChecks().checkCode(contact, code, cli.agent()));
        String who = contact.strip().toLowerCase(java.util.Locale.ROOT);
        if (!check.correct()) {
            throw new UserError("wrong code for " + who + "; " + (check.triesLeft() == 0
                    ? "it no longer works: send a new one" : check.triesLeft() + " tries left"));
        }
        cli.output().change(new JsonShapes.CodeChecked(who, true, check.holdsUntil().toString()),
                "the code is right: the caller is verified; use --verified-by email-code until " + check.holdsUntil());
    }

    @Command(name = "identity-checks",
            description = "Shows or changes which changes need the caller verified (--verified-by): an email change"
                    + " and a recovery link or code need it by default.")
    void identityChecks(@Option(names = "--email-change", paramLabel = "required|optional",
                                description = "For contacts edit --email and Edit contact.") String emailChange,
                        @Option(names = "--recovery", paramLabel = "required|optional",
                                description = "For recovery-link and recovery-code.") String recovery) {
        Boolean emailRequired = rule("--email-change", emailChange);
        Boolean recoveryRequired = rule("--recovery", recovery);
        IdentityChecks.Rules rules = cli.call(services -> emailRequired == null && recoveryRequired == null
                ? services.identityChecks().rules()
                : services.identityChecks().setRules(emailRequired, recoveryRequired, cli.agent()));
        String email = rules.emailChangeRequired() ? "required" : "optional";
        String rec = rules.recoveryRequired() ? "required" : "optional";
        cli.output().change(new JsonShapes.IdentityRules(email, rec),
                List.of("caller verification for an email change: " + email,
                        "caller verification for a recovery link or code: " + rec));
    }

    private static Boolean rule(String option, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "required" -> true;
            case "optional" -> false;
            default -> throw new UserError(option + " takes required or optional, not '" + value + "'");
        };
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
                     @Option(names = "--verified-by", paramLabel = "HOW", description = OPTIONAL_VERIFIED_BY) String verifiedBy,
                     @Option(names = "--note", paramLabel = "T", description = NOTE) String note,
                     @Mixin Delivery delivery) {
        IdentityCheck identity = VerifiedBy.of(verifiedBy, note);
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
                @Option(names = "--verified-by", paramLabel = "HOW", description = OPTIONAL_VERIFIED_BY) String verifiedBy,
                @Option(names = "--note", paramLabel = "T", description = NOTE) String note) {
        IdentityCheck identity = VerifiedBy.of(verifiedBy, note);
        boolean unlocked = cli.call(services -> services.credentials().unlock(contact, group, identity, cli.agent()));
        String who = contact.strip().toLowerCase(java.util.Locale.ROOT);
        cli.output().change(new JsonShapes.Unlocked(who, unlocked),
                unlocked ? "unlocked " + who : who + " was not locked; nothing changed");
    }

    private void report(Queued queued, String line) {
        cli.output().change(new JsonShapes.EmailQueued(JsonShapes.email(queued.email()), queued.delivered().json()),
                List.of(line, queued.delivered().line()));
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
