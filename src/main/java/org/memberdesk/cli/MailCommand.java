package org.memberdesk.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.memberdesk.service.UserError;
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
