package org.memberdesk.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.memberdesk.persistence.DatabaseTarget;
import org.memberdesk.service.storage.DatabaseChoice;

/**
 * The database tests run on. SQLite in the data directory, unless this run was given a PostgreSQL
 * server ({@value #SERVER_PROPERTY}, set by the build's postgresql test run from
 * {@code -Dmemberdesk.test.database=postgresql://…}): then each data directory a test opens gets a
 * schema of its own on that server, the same schema every time it is opened again (a second desk, a
 * second process), and the schemas are dropped when the test JVM ends.
 */
public final class TestDatabases {

    public static final String SERVER_PROPERTY = "memberdesk.test.postgresql";

    private static final Map<Path, String> SCHEMAS = new ConcurrentHashMap<>();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);

    static {
        if (server().isPresent()) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll, "drop-test-schemas"));
        }
    }

    private TestDatabases() {
    }

    /** The PostgreSQL server of this run, when it has one. */
    public static Optional<DatabaseTarget.Postgres> server() {
        String url = System.getProperty(SERVER_PROPERTY, "");
        return url.isBlank() ? Optional.empty() : Optional.of(DatabaseTarget.postgres(url, Optional.empty()));
    }

    public static boolean postgresql() {
        return server().isPresent();
    }

    /**
     * The environment a test's services see for this data directory: {@code base}, plus on a
     * PostgreSQL run the URL of the directory's own schema.
     */
    public static Map<String, String> env(Path dataDirectory, Map<String, String> base) {
        Optional<DatabaseTarget.Postgres> server = server();
        if (base.containsKey(DatabaseChoice.URL_ENV)) {
            return base;
        }
        String inherited = System.getenv(DatabaseChoice.URL_ENV);
        if (server.isEmpty() && inherited != null) {
            // a child process a test started on the test's database (see forChild)
            Map<String, String> env = new HashMap<>(base);
            env.put(DatabaseChoice.URL_ENV, inherited);
            return env;
        }
        if (server.isEmpty()) {
            return base;
        }
        Map<String, String> env = new HashMap<>(base);
        env.put(DatabaseChoice.URL_ENV, url(server.get(), schemaFor(dataDirectory)));
        return env;
    }

    /**
     * A plain JDBC connection to the database of this data directory, as a tool outside MemberDesk
     * would open it: its SQLite file, or its schema on this run's server.
     */
    public static Connection connect(Path dataDirectory) throws SQLException {
        if (!postgresql()) {
            return java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDirectory.resolve("memberdesk.db"));
        }
        String url = env(dataDirectory, Map.of()).get(DatabaseChoice.URL_ENV);
        return DatabaseTarget.postgres(url, Optional.empty()).connect("MemberDesk tests");
    }

    /**
     * Makes a child process (the app, or a test's helper program) work on the same database as the
     * test does for this data directory: on a PostgreSQL run, its schema's URL in the environment.
     */
    public static ProcessBuilder forChild(Path dataDirectory, ProcessBuilder builder) {
        String url = env(dataDirectory, Map.of()).get(DatabaseChoice.URL_ENV);
        if (url != null) {
            builder.environment().put(DatabaseChoice.URL_ENV, url);
        }
        return builder;
    }

    /** A new empty schema's URL on this run's server (for a test that needs a second database). */
    public static String newDatabaseUrl() {
        DatabaseTarget.Postgres server = server().orElseThrow(() -> new IllegalStateException("no PostgreSQL server"));
        return url(server, create(server));
    }

    private static String schemaFor(Path dataDirectory) {
        Path key = dataDirectory.toAbsolutePath().normalize();
        return SCHEMAS.computeIfAbsent(key, k -> create(server().orElseThrow()));
    }

    private static String url(DatabaseTarget.Postgres server, String schema) {
        String url = server.shown();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    }

    private static String create(DatabaseTarget.Postgres server) {
        String schema = "t" + RUN + "_" + NEXT.incrementAndGet();
        execute(server, "create schema " + schema);
        CREATED.add(schema);
        return schema;
    }

    private static void dropAll() {
        server().ifPresent(server -> {
            for (String schema : CREATED) {
                try {
                    execute(server, "drop schema if exists " + schema + " cascade");
                } catch (RuntimeException e) {
                    // a schema another test process still uses: the throwaway cluster goes anyway
                }
            }
        });
    }

    private static void execute(DatabaseTarget.Postgres server, String sql) {
        try (Connection connection = server.connect("MemberDesk tests");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database " + server.shown() + ": " + e.getMessage(), e);
        }
    }
}
