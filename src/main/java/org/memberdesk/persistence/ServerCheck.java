package org.memberdesk.persistence;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Asks a PostgreSQL server who it is, without opening MemberDesk's database there (no pool, no
 * migration): what Test connection in Settings → Database shows. A failure is one line naming the
 * server and what went wrong, in the words {@link StorageProblem} uses when the database opens.
 */
public final class ServerCheck {

    private ServerCheck() {
    }

    /**
     * The server's version line ({@code select version()}).
     *
     * @throws StorageProblem with one line: unknown host, refused or unanswered connection, TLS,
     *     login refused, no such database
     */
    public static String version(DatabaseTarget.Postgres server, Duration timeout) {
        try (Connection connection = server.connect("MemberDesk connection test", timeout);
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet row = statement.executeQuery("select version()")) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException | RuntimeException e) {
            throw failed(e, server);
        }
    }

    static StorageProblem failed(Exception failure, DatabaseTarget.Postgres server) {
        String where = server.where();
        String state = "";
        boolean tls = false;
        String cause = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new StorageProblem("the PostgreSQL server " + where + " cannot be reached (unknown host "
                        + server.host() + "); check the host name in the URL", failure);
            }
            if (state.isEmpty() && t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
            tls |= t instanceof SSLException || String.valueOf(t.getMessage()).contains("SSL");
            if (cause == null && t instanceof ConnectException) {
                cause = "connection refused";
            } else if (cause == null && t instanceof SocketTimeoutException) {
                cause = "no answer in time";
            }
        }
        String reason = StorageProblem.firstLine(failure.getMessage());
        // a login refusal may mention SSL ("no pg_hba.conf entry ... SSL encryption"): it is still a refusal
        if (tls && !state.startsWith("28") && !state.equals("3D000")) {
            return new StorageProblem("the PostgreSQL server " + where + " refused the secure connection (TLS: "
                    + reason + "); check the server's certificate, or name another sslmode in the URL", failure);
        }
        if (state.startsWith("28")) {
            return new StorageProblem("the PostgreSQL server " + where + " refused the login (" + reason
                    + "); check the user in the URL and the password", failure);
        }
        if (state.equals("3D000")) {
            return new StorageProblem("the PostgreSQL server " + server.host() + ":" + server.port()
                    + " has no database " + server.database() + " (" + reason + "); create it first (see README,"
                    + " Team mode)", failure);
        }
        if (state.startsWith("08") || cause != null) {
            return new StorageProblem("the PostgreSQL server " + where + " cannot be reached ("
                    + (cause != null ? cause : reason) + "); check that it runs and that this machine may connect",
                    failure);
        }
        return new StorageProblem("the PostgreSQL server " + where + " answered: " + reason, failure);
    }
}
