package org.memberdesk.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.memberdesk.service.UserError;
import org.memberdesk.service.email.BounceCheck;
import org.memberdesk.service.email.BounceMailboxForm;
import org.memberdesk.service.email.BounceMailboxView;
import org.memberdesk.service.email.MailSettingsView;
import org.memberdesk.service.email.SmtpSettingsForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code memberdesk mail ...}: where email goes. */
@Command(name = "mail", description = "Email settings.")
final class MailCommand implements Runnable {

    /** Longest password read from stdin; anything longer is certainly not a password (a file piped by mistake). */
    static final int MAX_PASSWORD_BYTES = 1024;

    @Mixin
    private CliContext cli;

    @Override
    public void run() {
        throw cli.missingSubcommand();
    }

    @Command(name = "settings",
            description = {"Without options: shows the SMTP settings in effect, whether demo mode is on and which "
                    + "fields come from the environment (MEMBERDESK_SMTP_*, which win over stored settings).",
                    "With --host: saves the SMTP settings (all of them: an option left out is removed, "
                            + "except the password, which is kept unless --password-stdin gives a new one)."})
    void settings(@Option(names = "--host", paramLabel = "H", description = "SMTP server host name.") String host,
                  @Option(names = "--port", paramLabel = "P",
                          description = "SMTP port; default: 587 for starttls, 465 for ssl, 25 for none.") Integer port,
                  @Option(names = "--security", paramLabel = "none|starttls|ssl",
                          description = "Connection security; default: starttls.") String security,
                  @Option(names = "--from", paramLabel = "ADDR",
                          description = "From address, e.g. \"Support <support@example.com>\".") String from,
                  @Option(names = "--user", paramLabel = "U", description = "SMTP user name.") String user,
                  @Option(names = "--password-stdin",
                          description = "Read the SMTP password from standard input (it is stored encrypted, "
                                  + "never printed).") boolean passwordStdin) {
        boolean saving = host != null || port != null || security != null || from != null || user != null
                || passwordStdin;
        if (saving && host == null) {
            throw cli.usageError("settings", "Missing required option: '--host=H' (needed to save settings; "
                    + "`mail settings` without options shows them)");
        }
        MailSettingsView view;
        if (saving) {
            String password = passwordStdin ? readPassword(cli.stdin()) : null;
            SmtpSettingsForm form = new SmtpSettingsForm(host, port, security, from, user, password);
            view = cli.call(services -> services.mailSettings().save(form, cli.agent()));
        } else {
            view = cli.call(services -> services.mailSettings().view());
        }
        Output output = cli.output();
        List<String> lines = new ArrayList<>();
        if (saving) {
            lines.add("saved SMTP settings");
        }
        lines.addAll(describe(view, cli.dataDirectory().demoMailbox().toString()));
        output.change(JsonShapes.mailSettings(view), lines);
        view.warnings().forEach(output::warning);
    }

    @Command(name = "bounces",
            description = {"The bounce mailbox: an IMAP mailbox that delivery status reports (bounces) arrive in. "
                    + "While one is set, email goes out with a VERP return path to it, and `portal serve` (and the "
                    + "console) read it at the poll interval: a report of a permanent failure (5.x.x) marks its "
                    + "email bounced.",
                    "Without options: shows it. With --host: saves it (an option left out is removed, except the "
                            + "password, which is kept unless --password-stdin gives a new one). --clear removes it; "
                            + "--check reads it now."})
    void bounces(@Option(names = "--host", paramLabel = "H", description = "IMAP server host name.") String host,
                 @Option(names = "--port", paramLabel = "P",
                         description = "IMAP port; default: 993 for ssl, 143 for starttls and none.") Integer port,
                 @Option(names = "--security", paramLabel = "ssl|starttls|none",
                         description = "Connection security; default: ssl (IMAPS). none only for a server on this "
                                 + "computer.") String security,
                 @Option(names = "--user", paramLabel = "U",
                         description = "IMAP user: the bounce mailbox's address, e.g. bounces@example.com (its "
                                 + "VERP form bounces+ID@example.com is the return path).") String user,
                 @Option(names = "--password-stdin",
                         description = "Read the IMAP password from standard input (stored encrypted, never "
                                 + "printed).") boolean passwordStdin,
                 @Option(names = "--poll-seconds", paramLabel = "N",
                         description = "How often to read it, 30 to 86400 seconds; default: 300.") Integer pollSeconds,
                 @Option(names = "--clear", description = "Remove the bounce mailbox.") boolean clear,
                 @Option(names = "--check", description = "Read the bounce mailbox now.") boolean check) {
        boolean saving = host != null || port != null || security != null || user != null || passwordStdin
                || pollSeconds != null;
        if (saving && host == null) {
            throw cli.usageError("bounces", "Missing required option: '--host=H' (needed to save the bounce "
                    + "mailbox; `mail bounces` without options shows it)");
        }
        if ((saving ? 1 : 0) + (clear ? 1 : 0) + (check ? 1 : 0) > 1) {
            throw cli.usageError("bounces", "give one of --host (save), --clear or --check");
        }
        Output output = cli.output();
        if (check) {
            BounceCheck result = cli.call(services -> services.emails().checkBounces());
            if (!result.configured()) {
                throw new UserError("no bounce mailbox is set: set one with `mail bounces --host H --user U "
                        + "--password-stdin`");
            }
            output.change(new JsonShapes.BounceCheck(result.reports(), result.bounced(), result.delayed(),
                    result.unmatched()), "read " + result.reports() + (result.reports() == 1 ? " report" : " reports")
                    + ": " + result.bounced() + " bounced, " + result.delayed() + " delayed (nothing changed), "
                    + result.unmatched() + " matching no email (left in the mailbox)");
            return;
        }
        BounceMailboxView view;
        String done = null;
        if (clear) {
            view = cli.call(services -> services.mailSettings().clearBounceMailbox(cli.agent()));
            done = "removed the bounce mailbox";
        } else if (saving) {
            String password = passwordStdin ? readPassword(cli.stdin()) : null;
            BounceMailboxForm form = new BounceMailboxForm(host, port, security, user, password,
                    pollSeconds == null ? null : Duration.ofSeconds(pollSeconds));
            view = cli.call(services -> services.mailSettings().saveBounceMailbox(form, cli.agent()));
            done = "saved the bounce mailbox";
        } else {
            view = cli.call(services -> services.mailSettings().bounceMailbox());
        }
        List<String> lines = new ArrayList<>();
        if (done != null) {
            lines.add(done);
        }
        if (view.configured()) {
            lines.add("bounce mailbox: " + view.user() + " at " + view.host() + ":" + view.port() + " ("
                    + view.security().code() + ")");
            lines.add("password: " + (view.passwordSet() ? "set" : "not set"));
            lines.add("read every " + view.pollInterval().toSeconds() + " seconds while delivery runs");
        } else {
            lines.add("bounce mailbox: none (bounces that arrive later are not read)");
        }
        output.change(JsonShapes.bounceMailbox(view), lines);
        view.warnings().forEach(output::warning);
    }

    /** The password as piped in: everything on stdin, without the line break(s) that end it. */
    static String readPassword(InputStream stdin) {
        byte[] bytes;
        try {
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[256];
            int n;
            while ((n = stdin.read(buffer)) != -1) {
                read.write(buffer, 0, n);
                if (read.size() > MAX_PASSWORD_BYTES) {
                    throw new UserError("--password-stdin: standard input holds more than " + MAX_PASSWORD_BYTES
                            + " bytes; that is not a password");
                }
            }
            bytes = read.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password from standard input", e);
        }
        String password = new String(bytes, StandardCharsets.UTF_8);
        int end = password.length();
        while (end > 0 && (password.charAt(end - 1) == '\n' || password.charAt(end - 1) == '\r')) {
            end--;
        }
        password = password.substring(0, end);
        if (password.isEmpty()) {
            throw new UserError("--password-stdin: no password on standard input "
                    + "(pipe it in, e.g. printenv SMTP_PASSWORD | memberdesk mail settings ... --password-stdin)");
        }
        if (password.contains("\n") || password.contains("\r")) {
            throw new UserError("--password-stdin: standard input holds more than one line; give only the password");
        }
        return password;
    }

    /** The settings view in lines; the password only as set or not set. */
    private static List<String> describe(MailSettingsView v, String demoMailbox) {
        List<String> lines = new ArrayList<>();
        if (v.demoMode()) {
            lines.add("mode: demo (no SMTP server configured): email goes to the demo mailbox "
                    + demoMailbox + "; no email leaves this computer");
        } else {
            lines.add("mode: SMTP");
            lines.add("host: " + v.host() + source(v, "host"));
            lines.add("port: " + v.port() + source(v, "port"));
            lines.add("security: " + v.security().code() + source(v, "security"));
            lines.add("from: " + v.from() + source(v, "from"));
        }
        if (v.user() != null) {
            lines.add("user: " + v.user() + source(v, "user"));
        }
        if (!v.demoMode() || v.passwordSet()) {
            lines.add("password: " + (v.passwordSet() ? "set" : "not set") + source(v, "password"));
        }
        String portalSource = v.portalUrlSource() == null ? "" : switch (v.portalUrlSource()) {
            case ENVIRONMENT -> " (from MEMBERDESK_PORTAL_URL)";
            case SETTING -> " (setting)";
            case DEFAULT -> " (default)";
            case NONE -> "";
        };
        lines.add("portal URL: " + v.portalUrl() + portalSource);
        return lines;
    }

    private static String source(MailSettingsView v, String field) {
        return v.fromEnvironment().contains(field)
                ? " (from MEMBERDESK_SMTP_" + field.toUpperCase(Locale.ROOT) + ", which wins over the stored setting)"
                : "";
    }
}
