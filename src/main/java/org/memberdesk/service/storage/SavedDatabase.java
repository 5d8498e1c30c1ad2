package org.memberdesk.service.storage;

import org.memberdesk.persistence.DatabaseTarget;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.memberdesk.mail.SecretBox;
import org.memberdesk.service.Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared PostgreSQL server this desk was pointed at in Settings → Database, kept in the data
 * directory (not in the database it points to): the URL, without a password, in the console's
 * preferences, and the password apart, encrypted with the data directory's key. Nothing saved: the
 * desk's own SQLite file.
 */
public final class SavedDatabase {

    public static final String URL = "database.url";
    public static final String PASSWORD = "database.password";

    private static final Logger LOG = LoggerFactory.getLogger(SavedDatabase.class);
    private static final String PASSWORD_PURPOSE = "memberdesk:" + PASSWORD;

    private final ConsolePreferences preferences;
    private final SecretBox secrets;

    public SavedDatabase(DataDirectory directory) {
        this.preferences = new ConsolePreferences(directory);
        this.secrets = new SecretBox(directory.root().resolve(Services.SECRET_KEY_FILE));
    }

    /** The saved server's URL; empty: this desk uses its own SQLite file. */
    public Optional<String> url() {
        return preferences.get(URL).map(String::strip).filter(url -> !url.isEmpty());
    }

    public boolean passwordStored() {
        return preferences.get(PASSWORD).filter(sealed -> !sealed.isBlank()).isPresent();
    }

    /** The saved password, decrypted; empty when none is saved or it cannot be read (the key file was lost). */
    public Optional<String> password() {
        Optional<String> sealed = preferences.get(PASSWORD).filter(s -> !s.isBlank());
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(secrets.decrypt(sealed.get(), PASSWORD_PURPOSE));
        } catch (SecretBox.SecretUnreadable e) {
            LOG.warn("the saved database password cannot be read: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Saves the server in one write. {@code password}: empty keeps the stored one, a value replaces
     * it; {@code forgetPassword} removes it. The URL must already be checked (no password in it).
     */
    public void save(String url, Optional<String> password, boolean forgetPassword) {
        Map<String, String> change = new HashMap<>();
        change.put(URL, url.strip());
        // a stored password belongs to the server it was saved for: never sent to another one
        if (forgetPassword || (password.filter(p -> !p.isEmpty()).isEmpty() && !forSameServer(url))) {
            change.put(PASSWORD, null);
        } else {
            password.filter(p -> !p.isEmpty())
                    .ifPresent(secret -> change.put(PASSWORD, secrets.encrypt(secret, PASSWORD_PURPOSE)));
        }
        preferences.putAll(change);
    }

    /** Whether {@code url} names the saved server: same host, port, database and user. */
    public boolean forSameServer(String url) {
        return url().map(saved -> sameServer(saved, url)).orElse(false);
    }

    /** Whether two URLs name the same server, database and user (their other parameters aside). */
    static boolean sameServer(String one, String other) {
        return server(one).equals(server(other));
    }

    private static String server(String url) {
        try {
            DatabaseTarget.Postgres target = DatabaseTarget.postgres(url, Optional.empty());
            return target.user().orElse("") + "@" + target.host().toLowerCase(java.util.Locale.ROOT) + ":"
                    + target.port() + "/" + target.database();
        } catch (IllegalArgumentException e) {
            return "not a server: " + url;
        }
    }

    /** Forgets the server and its password: the desk uses its own SQLite file again. */
    public void clear() {
        Map<String, String> change = new HashMap<>();
        change.put(URL, null);
        change.put(PASSWORD, null);
        preferences.putAll(change);
    }
}
