package org.memberdesk.mail;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.memberdesk.domain.Coded;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.persistence.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the SMTP settings. Environment variables win over stored settings, field by
 * field. The password is stored only encrypted by {@link SecretBox}; it is never logged.
 */
public final class MailSettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(MailSettingsStore.class);

    public static final String HOST = "smtp.host";
    public static final String PORT = "smtp.port";
    public static final String SECURITY = "smtp.security";
    public static final String FROM = "smtp.from";
    public static final String USER = "smtp.user";
    public static final String PASSWORD = "smtp.password";

    public static final String ENV_HOST = "MEMBERDESK_SMTP_HOST";
    public static final String ENV_PORT = "MEMBERDESK_SMTP_PORT";
    public static final String ENV_SECURITY = "MEMBERDESK_SMTP_SECURITY";
    public static final String ENV_USER = "MEMBERDESK_SMTP_USER";
    public static final String ENV_PASSWORD = "MEMBERDESK_SMTP_PASSWORD";
    public static final String ENV_FROM = "MEMBERDESK_SMTP_FROM";

    private static final String PASSWORD_PURPOSE = "memberdesk:" + PASSWORD;

    /** What a settings form saves. A null password keeps the stored one; an empty one removes it. */
    public record Update(String host, Integer port, String security, String from, String user, String password) {
        @Override
        public String toString() {
            return "Update[" + host + ":" + port + ", " + security + ", from=" + from + ", user=" + user + "]";
        }
    }

    private final SecretBox secrets;
    private final Map<String, String> env;

    public MailSettingsStore(SecretBox secrets, Map<String, String> env) {
        this.secrets = secrets;
        this.env = Map.copyOf(env);
    }

    /** The brand's sender name, the display name of the From address of every email (Settings → Branding). */
    public static final String SENDER_NAME = "branding.sender-name";

    /**
     * {@code target} (the configured server or the demo one) as it sends: the From address with the
     * brand's sender name, when one is set. The settings dialog shows and saves {@link #load} instead.
     */
    public MailSettings sending(Tx t, MailSettings target) {
        return target.withSenderName(t.settings().get(SENDER_NAME).orElse(null));
    }

    /** The settings in effect: each field from the environment when set there, else as stored. */
    public MailSettings load(Tx t) {
        Set<String> fromEnv = new LinkedHashSet<>();
        String host = pick(t, ENV_HOST, HOST, "host", fromEnv);
        String securityText = pick(t, ENV_SECURITY, SECURITY, "security", fromEnv);
        SmtpSecurity security = parseSecurity(securityText).orElse(SmtpSecurity.STARTTLS);
        String portText = pick(t, ENV_PORT, PORT, "port", fromEnv);
        int port = parsePort(portText).orElse(security.defaultPort());
        String user = pick(t, ENV_USER, USER, "user", fromEnv);
        String from = pick(t, ENV_FROM, FROM, "from", fromEnv);
        String password = blankToNull(env.get(ENV_PASSWORD));
        boolean unreadable = false;
        if (password != null) {
            fromEnv.add("password");
        } else {
            Optional<String> sealed = t.settings().get(PASSWORD).filter(s -> !s.isBlank());
            if (sealed.isPresent()) {
                try {
                    password = secrets.decrypt(sealed.get(), PASSWORD_PURPOSE);
                } catch (SecretBox.SecretUnreadable e) {
                    LOG.warn("the stored SMTP password cannot be read: {}", e.getMessage());
                    unreadable = true;
                }
            }
        }
        if (host == null) {
            return new MailSettings(null, 0, SmtpSecurity.NONE, MailSettings.DEMO_FROM, null, null,
                    Set.copyOf(fromEnv), unreadable);
        }
        if (from == null) {
            from = user != null && user.contains("@") ? user : "no-reply@" + host;
        }
        return new MailSettings(host, port, security, from, user, password, Set.copyOf(fromEnv), unreadable);
    }

    /** Saves what the form holds after checking all of it; nothing is written when a field is wrong. */
    public void save(Tx t, Update update, Instant now) {
        String host = blankToNull(update.host());
        if (host == null) {
            throw new InvalidInputException("the SMTP host is required");
        }
        if (!host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            throw new InvalidInputException("'" + host + "' is not a host name or address");
        }
        SmtpSecurity security = update.security() == null || update.security().isBlank()
                ? SmtpSecurity.STARTTLS
                : parseSecurity(update.security()).orElseThrow(() -> new InvalidInputException(
                        "security must be none, starttls or ssl, not '" + update.security().trim() + "'"));
        Integer port = update.port();
        if (port != null && (port < 1 || port > 65535)) {
            throw new InvalidInputException("the SMTP port must be between 1 and 65535");
        }
        String from = blankToNull(update.from());
        if (from != null) {
            from = checkFrom(from);
        }
        t.settings().put(HOST, host, now);
        t.settings().put(PORT, String.valueOf(port == null ? security.defaultPort() : port), now);
        t.settings().put(SECURITY, security.code(), now);
        putOrRemove(t, FROM, from, now);
        putOrRemove(t, USER, blankToNull(update.user()), now);
        StoredPassword.save(t, PASSWORD, update.password(), secrets, PASSWORD_PURPOSE, now);
    }

    /** Removes every stored SMTP setting: the app goes back to demo mode unless the environment says otherwise. */
    public void clear(Tx t) {
        for (String key : new String[] {HOST, PORT, SECURITY, FROM, USER, PASSWORD}) {
            t.settings().remove(key);
        }
    }

    public boolean storedPasswordPresent(Tx t) {
        return t.settings().get(PASSWORD).filter(s -> !s.isBlank()).isPresent();
    }

    private String pick(Tx t, String envName, String key, String field, Set<String> fromEnv) {
        String value = blankToNull(env.get(envName));
        if (value != null) {
            fromEnv.add(field);
            return value.trim();
        }
        return t.settings().get(key).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }

    private static void putOrRemove(Tx t, String key, String value, Instant now) {
        if (value == null) {
            t.settings().remove(key);
        } else {
            t.settings().put(key, value, now);
        }
    }

    /** A from address may carry a display name ("Support <help@example.com>"). */
    private static String checkFrom(String from) {
        try {
            jakarta.mail.internet.InternetAddress address = new jakarta.mail.internet.InternetAddress(from, true);
            EmailAddress.normalize(address.getAddress());
            return from.trim();
        } catch (jakarta.mail.internet.AddressException | InvalidInputException e) {
            throw new InvalidInputException("'" + from + "' is not a valid from address");
        }
    }

    static Optional<SmtpSecurity> parseSecurity(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Coded.fromCode(SmtpSecurity.class, value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> parsePort(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(value.trim());
            return port > 0 && port < 65536 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
