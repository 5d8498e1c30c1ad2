package org.memberdesk.service.storage;

import java.util.Map;
import java.util.Optional;
import org.memberdesk.persistence.DatabaseTarget;
import org.memberdesk.service.UserError;

/**
 * Which database a process opens: a shared PostgreSQL server when MEMBERDESK_DATABASE_URL (or the
 * command line's --database-url) names one, else the SQLite file in the data directory. The
 * password comes apart, from MEMBERDESK_DATABASE_PASSWORD, never in the URL.
 */
public final class DatabaseChoice {

    public static final String URL_ENV = "MEMBERDESK_DATABASE_URL";
    public static final String PASSWORD_ENV = "MEMBERDESK_DATABASE_PASSWORD";

    private DatabaseChoice() {
    }

    /** The database for this data directory and environment; a bad URL is a {@link UserError} naming why. */
    public static DatabaseTarget of(DataDirectory directory, Map<String, String> env) {
        String url = env.get(URL_ENV);
        if (url == null || url.isBlank()) {
            return DatabaseTarget.sqlite(directory.database());
        }
        try {
            return DatabaseTarget.postgres(url, Optional.ofNullable(env.get(PASSWORD_ENV)));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
