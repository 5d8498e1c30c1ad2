package org.memberdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.memberdesk.persistence.DatabaseTarget;
import org.memberdesk.service.Services;
import org.memberdesk.service.demo.SampleDataGenerator;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.service.storage.DatabaseChoice;

/**
 * The PostgreSQL side of a run ({@code --postgresql URL}): an empty schema of its own on that
 * server, named by the run, which the same generator as the SQLite rows fills with the same data
 * set, through MemberDesk's own open (migrations included). Dropped when the run ends, also when
 * it ends early; with {@code --reuse-data} it is kept instead, under a name made of the data set's
 * spec, and a later run with the same spec reuses it (as the SQLite data set is reused).
 */
public final class PostgresSchema implements AutoCloseable {

    private final DatabaseTarget.Postgres server;
    private final String name;
    private final DataDirectory directory;
    private final Map<String, String> env;
    private final Thread dropAtExit;
    private BenchContext.Dataset dataset;
    private final boolean kept;
    private boolean dropped;
    private String version = "version unknown";

    private PostgresSchema(DatabaseTarget.Postgres server, String name, DataDirectory directory, boolean kept) {
        this.server = server;
        this.name = name;
        this.directory = directory;
        this.kept = kept;
        Map<String, String> environment = new HashMap<>(System.getenv());
        String url = server.shown();
        environment.put(DatabaseChoice.URL_ENV, url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name
                + ",public");
        this.env = Map.copyOf(environment);
        this.dropAtExit = new Thread(this::drop, "drop-bench-schema");
    }

    /**
     * The run's schema on the server of {@code serverUrl} (a postgresql:// URL, password from the
     * environment): a new one, or with {@code reuse} the kept one of this spec when a run made it.
     */
    public static PostgresSchema create(String serverUrl, Path workDir, SampleDataGenerator.Spec spec, boolean reuse) {
        DatabaseTarget.Postgres server = DatabaseTarget.postgres(serverUrl,
                Optional.ofNullable(System.getenv(DatabaseChoice.PASSWORD_ENV)));
        String name = reuse ? "bench_kept_" + spec.contacts() + "_" + spec.seed()
                : "bench_" + Long.toString(ProcessHandle.current().pid(), 36) + "_"
                + Long.toString(System.currentTimeMillis() / 1000, 36);
        PostgresSchema schema = new PostgresSchema(server, name.toLowerCase(Locale.ROOT),
                new DataDirectory(workDir.resolve("pg-" + name)), reuse);
        schema.version = schema.serverVersion();
        if (reuse && Files.exists(schema.marker()) && schema.exists()) {
            schema.dataset = new BenchContext.Dataset(schema.directory, BenchContext.readMarker(schema.marker()));
            return schema;
        }
        BenchContext.deleteRecursively(schema.directory.root());
        schema.execute("drop schema if exists " + schema.name + " cascade");
        schema.execute("create schema " + schema.name);
        if (!reuse) {
            Runtime.getRuntime().addShutdownHook(schema.dropAtExit);
        }
        return schema;
    }

    private Path marker() {
        return directory.root().resolve("generated.properties");
    }

    private boolean exists() {
        try (Connection connection = server.connect("MemberDesk bench");
             var statement = connection.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            statement.setString(1, name);
            try (java.sql.ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** The schema, for the report. */
    public String name() {
        return name;
    }

    /** For the report's notes: where, which server, the data set. */
    public synchronized String describe() {
        String s = "PostgreSQL: " + server.shown() + " (" + version + "), schema " + name
                + (kept ? ", kept for later runs (--reuse-data)" : ", dropped after the run");
        if (dataset == null) {
            return s + "; no data set generated.";
        }
        return s + String.format(Locale.ROOT, "; data set of %,d contacts generated in %.1f s, then ANALYZE.",
                dataset.generated().contacts(), dataset.generated().took().toMillis() / 1000.0);
    }

    /** The environment that makes MemberDesk (this process or a child) open this schema. */
    public Map<String, String> env() {
        return env;
    }

    /** The data set of the run's spec, generated on first use. */
    public synchronized BenchContext.Dataset dataset(SampleDataGenerator.Spec spec, BenchContext context) {
        if (dataset == null) {
            context.log("generating " + spec.contacts() + " contacts (seed " + spec.seed() + ") into PostgreSQL schema "
                    + name + " on " + server.shown());
            try (Services services = openServices()) {
                SampleDataGenerator.Result result = new SampleDataGenerator(services.transactions().database(),
                        services.clock()).generate(spec);
                context.log("generated in " + result.took().toMillis() + " ms");
                dataset = new BenchContext.Dataset(directory, result);
            }
            analyze();
            if (kept) {
                BenchContext.writeMarker(marker(), dataset.generated(), spec);
            }
        }
        return dataset;
    }

    public Services openServices() {
        return Services.open(directory, Clock.systemUTC(), env);
    }

    /** Statistics for the planner right away, as autovacuum would give them a little later. */
    private void analyze() {
        execute("""
                do $$ declare t record; begin
                  for t in select tablename from pg_tables where schemaname = current_schema() loop
                    execute format('analyze %I', t.tablename);
                  end loop;
                end $$""");
    }

    @Override
    public void close() {
        if (kept) {
            return;
        }
        drop();
        try {
            Runtime.getRuntime().removeShutdownHook(dropAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
    }

    private synchronized void drop() {
        if (!dropped) {
            dropped = true;
            execute("drop schema if exists " + name + " cascade");
            BenchContext.deleteRecursively(directory.root());
        }
    }

    private String serverVersion() {
        try (Connection connection = server.connect("MemberDesk bench");
             Statement statement = connection.createStatement();
             java.sql.ResultSet result = statement.executeQuery("show server_version")) {
            return result.next() ? "PostgreSQL " + result.getString(1) : "version unknown";
        } catch (SQLException e) {
            return "version unknown";
        }
    }

    private void execute(String sql) {
        try (Connection connection = server.connect("MemberDesk bench");
             Statement statement = connection.createStatement()) {
            if (sql.strip().startsWith("do ")) {
                statement.execute("set search_path = " + name + ", public");
            }
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL " + server.shown() + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
