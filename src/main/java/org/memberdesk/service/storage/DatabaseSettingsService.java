package org.memberdesk.service.storage;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.memberdesk.persistence.DatabaseTarget;
import org.memberdesk.persistence.ServerCheck;
import org.memberdesk.persistence.StorageProblem;
import org.memberdesk.service.UserError;

/**
 * Settings → Database: which database this desk uses, the shared PostgreSQL server saved for it
 * (read, save, forget) and Test connection, all without opening the back end, so it also works when
 * the database cannot be opened. A saved change applies when MemberDesk starts again.
 */
public final class DatabaseSettingsService {

    /** How long Test connection waits for the server to connect and answer. */
    public static final Duration TEST_TIMEOUT = Duration.ofSeconds(5);

    /** Which database a process uses: the SQLite file, or a server as host:port/database (never a password). */
    public record InUse(boolean shared, String where) {
    }

    /**
     * What the dialog shows: the saved server's URL (empty: the desk's own SQLite file), whether a
     * password is saved with it, the URL MEMBERDESK_DATABASE_URL sets (it wins over what is saved)
     * and the database in use as things stand.
     */
    public record Choice(Optional<String> savedUrl, boolean passwordStored, Optional<String> environmentUrl,
                         InUse inUse) {
    }

    /** Test connection's answer: the server's version line, or the one-line reason it failed. */
    public record ConnectionTest(boolean connected, String line) {
    }

    private final DataDirectory directory;
    private final Map<String, String> env;
    private final SavedDatabase saved;

    public DatabaseSettingsService(DataDirectory directory, Map<String, String> env) {
        this.directory = directory;
        this.env = Map.copyOf(env);
        this.saved = new SavedDatabase(directory);
    }

    public Choice choice() {
        Optional<String> environmentUrl = Optional.ofNullable(env.get(DatabaseChoice.URL_ENV))
                .map(String::strip).filter(url -> !url.isEmpty());
        return new Choice(saved.url(), saved.passwordStored(), environmentUrl, inUse());
    }

    /** The database this data directory and environment open; a URL that cannot be used is a {@link UserError}. */
    public InUse inUse() {
        return describe(DatabaseChoice.of(directory, env));
    }

    public static InUse describe(DatabaseTarget target) {
        if (target instanceof DatabaseTarget.Postgres server) {
            return new InUse(true, server.where());
        }
        return new InUse(false, ((DatabaseTarget.SqliteFile) target).path().toString());
    }

    /** The server a usable URL names, as {@link InUse} shows it. */
    public static InUse server(String url) {
        return describe(DatabaseTarget.postgres(url, Optional.empty()));
    }

    /**
     * Why {@code url} cannot name the shared server (a password in it, no server, no database), or
     * empty when it can. Reads nothing: a form may ask as the agent types.
     */
    public static Optional<String> urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("enter the server's URL: postgresql://USER@HOST:5432/DATABASE");
        }
        try {
            DatabaseTarget.postgres(url, Optional.empty());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Points this desk at a shared server from the next start. {@code password}: empty keeps the
     * saved one; {@code forgetPassword} removes it. A URL that cannot be used is refused and nothing
     * is saved.
     */
    public Choice saveServer(String url, Optional<String> password, boolean forgetPassword) {
        urlProblem(url).ifPresent(problem -> {
            throw new UserError(problem);
        });
        saved.save(url, password, forgetPassword);
        return choice();
    }

    /** Goes back to the desk's own SQLite file from the next start, forgetting the saved server and password. */
    public Choice useOwnDatabase() {
        saved.clear();
        return choice();
    }

    /**
     * Connects to the server {@code url} names and asks its version, within {@link #TEST_TIMEOUT}.
     * {@code password} empty: MEMBERDESK_DATABASE_PASSWORD, else the one saved for this desk, if any.
     */
    /** Whether {@code url} names the server this desk uses (MEMBERDESK_DATABASE_URL, else the saved one). */
    private boolean sameServerAsInUse(String url) {
        return Optional.ofNullable(env.get(DatabaseChoice.URL_ENV)).filter(u -> !u.isBlank()).or(saved::url)
                .map(inUse -> SavedDatabase.sameServer(inUse, url)).orElse(false);
    }

    public ConnectionTest test(String url, Optional<String> password) {
        Optional<String> problem = urlProblem(url);
        if (problem.isPresent()) {
            return new ConnectionTest(false, problem.get());
        }
        // the environment's or the saved password only for the server it belongs to, never for any URL typed here
        Optional<String> secret = password.filter(p -> !p.isEmpty())
                .or(() -> sameServerAsInUse(url)
                        ? Optional.ofNullable(env.get(DatabaseChoice.PASSWORD_ENV)).filter(p -> !p.isEmpty())
                        : Optional.empty())
                .or(() -> saved.forSameServer(url) ? saved.password() : Optional.empty());
        DatabaseTarget.Postgres server = DatabaseTarget.postgres(url, secret);
        try {
            return new ConnectionTest(true, ServerCheck.version(server, TEST_TIMEOUT));
        } catch (StorageProblem e) {
            return new ConnectionTest(false, e.getMessage());
        }
    }
}
