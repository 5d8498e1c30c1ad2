package org.memberdesk.service.storage;

import java.util.Map;
import java.util.Optional;
import org.memberdesk.persistence.DatabaseTarget;
import org.memberdesk.service.UserError;

/**
 * Which database a process opens, decided here only: a shared PostgreSQL server when
 * MEMBERDESK_DATABASE_URL (or the command line's --database-url) names one, else the server saved in
 * Settings → Database ({@link SavedDatabase}), else the SQLite file in the data directory. The
 * password comes apart, never in the URL: MEMBERDESK_DATABASE_PASSWORD, else (for the saved server)
 * the password saved with it.
 */
public final class DatabaseChoice {

    public static final String URL_ENV = "MEMBERDESK_DATABASE_URL";
    public static final String PASSWORD_ENV = "MEMBERDESK_DATABASE_PASSWORD";

    private DatabaseChoice() {
    }

    /** The database for this data directory and environment; a bad URL is a {@link UserError} naming why. */
    public static DatabaseTarget of(DataDirectory directory, Map<String, String> env) {
        String url = env.get(URL_ENV);
        Optional<String> password = Optional.ofNullable(env.get(PASSWORD_ENV)).filter(p -> !p.isEmpty());
        if (url == null || url.isBlank()) {
            SavedDatabase saved = new SavedDatabase(directory);
            Optional<String> savedUrl = saved.url();
            if (savedUrl.isEmpty()) {
                return DatabaseTarget.sqlite(directory.database());
            }
            url = savedUrl.get();
            if (password.isEmpty()) {
                password = saved.password();
            }
        }
        try {
            return DatabaseTarget.postgres(url, password);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** True when the process opens the data directory's SQLite file (reads no password). */
    public static boolean sqlite(DataDirectory directory, Map<String, String> env) {
        String url = env.get(URL_ENV);
        return (url == null || url.isBlank()) && new SavedDatabase(directory).url().isEmpty();
    }
}
