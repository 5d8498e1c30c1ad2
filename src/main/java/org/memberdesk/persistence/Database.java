package org.memberdesk.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.memberdesk.domain.AppSetting;
import org.memberdesk.domain.AuditEvent;
import org.memberdesk.domain.CommunityGroup;
import org.memberdesk.domain.CommunityMembership;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.ContactNote;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.LoginFailure;
import org.memberdesk.domain.LoginThrottle;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.OfferGrant;
import org.memberdesk.domain.PortalAccount;
import org.memberdesk.domain.PortalSession;
import org.memberdesk.domain.TriggerEvent;
import org.memberdesk.domain.Workflow;
import org.memberdesk.domain.WorkflowRun;
import org.memberdesk.domain.WorkflowStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database MemberDesk works on: the SQLite file of one data directory, or a team's shared
 * PostgreSQL server ({@link DatabaseTarget}). Migrates it with Flyway, then boots Hibernate,
 * which validates the mapping against the migrated schema and never generates any. A database
 * that already has exactly the shipped migrations is neither migrated nor validated again, unless
 * {@link SchemaCheck#ALWAYS} (tests, CI) says so.
 *
 * <p>On PostgreSQL every write transaction first takes one transaction-scoped advisory lock, so
 * writes of all desks follow one another as they do on SQLite: a rule that reads and then writes
 * (5 resets an hour, one live link per purpose, a lease on an outbox row) holds across desks, and
 * change_log entries commit in the order of their numbers. Reads never wait for it.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Every mapped entity; later issues add theirs here. */
    public static final List<Class<?>> ENTITIES = List.of(
            Contact.class, ContactNote.class, Offer.class, OfferGrant.class, CommunityGroup.class,
            CommunityMembership.class, PortalAccount.class, EmailMessage.class, CredentialToken.class,
            AuditEvent.class, TriggerEvent.class, AppSetting.class,
            PortalSession.class, LoginFailure.class, LoginThrottle.class,
            Workflow.class, WorkflowRun.class, WorkflowStep.class);

    /** How often a running process looks whether its database file is still the one it opened. */
    private static final long FILE_CHECK_INTERVAL_NANOS = 1_000_000_000L;

    /** The advisory lock every PostgreSQL write transaction holds ("MDsk" in ASCII). */
    static final long WRITE_LOCK = 0x4D44_736BL;

    private final DatabaseTarget target;
    private final ConnectionProvider connections;
    private final AutoCloseable pool;
    private final SessionFactory sessionFactory;
    private final Path file;
    private final DatabaseFile files;
    private final Object identity;
    private volatile long nextFileCheck;
    private volatile StorageProblem lost;
    private volatile StorageProblem.Unreachable unreachable;
    private volatile long nextServerCheck;
    private static final java.util.concurrent.atomic.AtomicLongFieldUpdater<Database> NEXT_SERVER_CHECK =
            java.util.concurrent.atomic.AtomicLongFieldUpdater.newUpdater(Database.class, "nextServerCheck");
    private final boolean schemaValidated;
    private ChangeFeed changeFeed;

    private Database(DatabaseTarget target, DatabaseFile files, ConnectionProvider connections, AutoCloseable pool,
                     SessionFactory sessionFactory, boolean schemaValidated) {
        this.target = target;
        this.file = files == null ? null : files.path();
        this.schemaValidated = schemaValidated;
        this.files = files;
        this.connections = connections;
        this.pool = pool;
        this.sessionFactory = sessionFactory;
        this.identity = files == null ? null : files.identity().orElse(null);
        this.nextFileCheck = System.nanoTime() + FILE_CHECK_INTERVAL_NANOS;
    }

    /**
     * Opens the database, creating and migrating it when needed. A read-only folder, a full disk, or
     * a database that was created here and is now missing or empty is refused with a {@link StorageProblem}.
     */
    public static Database open(Path databaseFile) {
        return open(databaseFile, SchemaCheck.configured());
    }

    /**
     * As {@link #open(Path)}, checking the schema as told: with {@link SchemaCheck#WHEN_CHANGED}, a
     * database whose applied migrations are exactly the shipped ones is neither migrated nor validated.
     */
    public static Database open(Path databaseFile, SchemaCheck check) {
        return open(DatabaseTarget.sqlite(databaseFile), check);
    }

    /** Opens the given database (an unreachable server is a {@link StorageProblem} naming it). */
    public static Database open(DatabaseTarget target) {
        return open(target, SchemaCheck.configured());
    }

    /** As {@link #open(DatabaseTarget)}, checking the schema as told (see {@link #open(Path, SchemaCheck)}). */
    public static Database open(DatabaseTarget target, SchemaCheck check) {
        if (target instanceof DatabaseTarget.Postgres postgres) {
            return openPostgres(postgres, check);
        }
        return openSqlite(((DatabaseTarget.SqliteFile) target).path(), check);
    }

    private static Database openPostgres(DatabaseTarget.Postgres target, SchemaCheck check) {
        long start = System.nanoTime();
        PostgresConnectionProvider connections;
        try {
            connections = new PostgresConnectionProvider(target, 6);
        } catch (RuntimeException e) {
            throw StorageProblem.translate(e, target);
        }
        try {
            boolean validate = check == SchemaCheck.ALWAYS || !schemaCurrent(connections.dataSource(), Engine.POSTGRESQL);
            if (validate) {
                migrate(connections.dataSource(), Engine.POSTGRESQL);
            }
            SessionFactory factory = buildSessionFactory(connections, Engine.POSTGRESQL, validate);
            LOG.info("database {} ready in {} ms ({})", target.shown(), (System.nanoTime() - start) / 1_000_000,
                    validate ? "migrated and validated" : "schema current, as shipped: not migrated or validated");
            return new Database(target, null, connections, connections, factory, validate);
        } catch (RuntimeException e) {
            connections.close();
            throw StorageProblem.translate(e, target);
        }
    }

    private static Database openSqlite(Path databaseFile, SchemaCheck check) {
        long start = System.nanoTime();
        DatabaseFile files = new DatabaseFile(databaseFile);
        files.prepare();
        SqliteConnectionProvider connections;
        try {
            connections = new SqliteConnectionProvider(files.path(), 4);
        } catch (RuntimeException e) {
            throw StorageProblem.translate(e, files.path());
        }
        try {
            boolean validate = check == SchemaCheck.ALWAYS || !schemaCurrent(connections.dataSource(), Engine.SQLITE);
            if (validate) {
                migrate(connections.dataSource(), Engine.SQLITE);
            }
            SessionFactory factory = buildSessionFactory(connections, Engine.SQLITE, validate);
            files.opened();
            LOG.info("database {} ready in {} ms ({})", databaseFile, (System.nanoTime() - start) / 1_000_000,
                    validate ? "migrated and validated" : "schema current, as shipped: not migrated or validated");
            return new Database(DatabaseTarget.sqlite(files.path()), files, connections, connections, factory, validate);
        } catch (RuntimeException e) {
            connections.close();
            throw StorageProblem.translate(e, files.path());
        }
    }

    /**
     * Why this database can no longer be used (its file was deleted, emptied or replaced since it was
     * opened); looks at the file at most about once a second. Empty while all is well.
     */
    public Optional<StorageProblem> storageProblem() {
        StorageProblem problem = lost;
        if (problem != null) {
            return Optional.of(problem);
        }
        if (files == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        if (now - nextFileCheck < 0) {
            return Optional.empty();
        }
        nextFileCheck = now + FILE_CHECK_INTERVAL_NANOS;
        Optional<Object> current = files.identity();
        if (identity != null && current.filter(identity::equals).isEmpty()) {
            String what = Files.exists(file) ? (files.holdsData() ? "replaced" : "emptied") : "deleted";
            problem = new StorageProblem("the database " + file + " was " + what + " while MemberDesk was using it:"
                    + " stopped using it; restore it (memberdesk db restore --from BACKUP) and start MemberDesk again");
            lost = problem;
            LOG.error(problem.getMessage());
            return Optional.of(problem);
        }
        return Optional.empty();
    }

    private void checkFile() {
        Optional<StorageProblem> problem = storageProblem();
        if (problem.isPresent()) {
            throw new StorageProblem(problem.get().getMessage());
        }
    }

    private static boolean schemaCurrent(DataSource dataSource, Engine engine) {
        try (Connection connection = dataSource.getConnection()) {
            return ShippedMigrations.appliedIn(connection, engine);
        } catch (SQLException e) {
            LOG.debug("could not read the migration history; migrating", e);
            return false;
        }
    }

    /** Whether this open ran Flyway's migration and Hibernate's validation of the mapping. */
    public boolean schemaValidated() {
        return schemaValidated;
    }

    private static void migrate(DataSource dataSource, Engine engine) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + engine.migrations())
                .loggers("slf4j")
                .load()
                .migrate();
    }

    private static SessionFactory buildSessionFactory(ConnectionProvider connections, Engine engine, boolean validate) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.CONNECTION_PROVIDER, connections);
        settings.put(AvailableSettings.DIALECT, engine.dialect());
        settings.put(AvailableSettings.HBM2DDL_AUTO, validate ? "validate" : "none");
        // Validate the mapped tables one by one: reading every table at once fails on the untyped
        // columns of SQLite's FTS5 tables (contact search, V3).
        settings.put(AvailableSettings.HBM2DDL_JDBC_METADATA_EXTRACTOR_STRATEGY, "individually");
        // The dialect is given, so Hibernate need not ask the driver what the database supports: that
        // lookup cost every command a connection and many metadata calls before its first query.
        // On PostgreSQL the lookup tells Hibernate the current schema: without it, validation looks in every
        // schema of the database and refuses a table that another schema (another MemberDesk) also has.
        settings.put(AvailableSettings.ALLOW_METADATA_ON_BOOT, engine == Engine.POSTGRESQL);
        // Mapping comes from annotations only and nothing uses Bean Validation: not looking for orm.xml
        // or a validator spares every start the XML binding and its classes.
        settings.put(AvailableSettings.XML_MAPPING_ENABLED, false);
        settings.put(AvailableSettings.JAKARTA_VALIDATION_MODE, "none");
        settings.put(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        settings.put(AvailableSettings.STATEMENT_BATCH_SIZE, 500);
        settings.put(AvailableSettings.ORDER_INSERTS, true);
        settings.put(AvailableSettings.ORDER_UPDATES, true);
        settings.put(AvailableSettings.SHOW_SQL, false);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            ENTITIES.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /** The SQLite file; {@code null} on PostgreSQL. */
    public Path file() {
        return file;
    }

    public DatabaseTarget target() {
        return target;
    }

    /** True when this is a shared PostgreSQL server, false for a data directory's SQLite file. */
    public boolean shared() {
        return target instanceof DatabaseTarget.Postgres;
    }

    /**
     * What anyone commits to this database from now on (this process, other processes); the feed's
     * thread starts with its first subscriber, so a command that never subscribes pays nothing.
     */
    public synchronized ChangeFeed changeFeed() {
        if (changeFeed == null) {
            changeFeed = target instanceof DatabaseTarget.Postgres postgres
                    ? new PostgresChangeFeed(postgres)
                    : new SqliteChangeFeed(file, SqliteChangeFeed.POLL);
        }
        return changeFeed;
    }

    private void committed() {
        ChangeFeed feed;
        synchronized (this) {
            feed = changeFeed;
        }
        if (feed != null) {
            feed.poke();
        }
    }

    /** Runs work in a read-only transaction. */
    public <T> T read(Function<Tx, T> work) {
        return checked(() -> SqliteConnectionProvider.reading(() -> {
            try (Session session = sessionFactory.openSession()) {
                session.setDefaultReadOnly(true);
                Transaction tx = session.beginTransaction();
                try {
                    T result = work.apply(new Tx(session));
                    tx.commit();
                    return result;
                } catch (RuntimeException e) {
                    rollbackQuietly(tx);
                    throw e;
                }
            }
        }));
    }

    /** Runs work in one write transaction: everything it does is committed together or not at all. */
    public <T> T write(Function<Tx, T> work) {
        return checked(() -> BusyRetry.untilBegun(began -> SqliteConnectionProvider.writing(() -> {
            try (Session session = sessionFactory.openSession()) {
                Transaction tx = session.beginTransaction();
                takeWriteLock(session);
                began.run();
                try {
                    T result = work.apply(new Tx(session));
                    session.flush();
                    commit(tx);
                    committed();
                    return result;
                } catch (RuntimeException e) {
                    rollbackQuietly(tx);
                    throw e;
                }
            }
        })));
    }

    public void writeVoid(Consumer<Tx> work) {
        write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /**
     * Bulk work (data generation) through a stateless session in one write transaction. New contacts
     * join the search index once at the end ({@link ContactSearchIndex}); the change feed gets one
     * "everything" entry instead of one per row.
     */
    public <T> T bulk(Function<BulkTx, T> work) {
        return checked(() -> stateless(session -> ChangeLogPause.during(session, ChangeLogPause.EVERYTHING,
                () -> ContactSearchIndex.deferredDuring(session, () -> work.apply(new BulkTx(session))))));
    }

    /**
     * One short write transaction through a stateless session, the search index kept row by row:
     * a chunk of an import ({@link ImportBatchRepository}), which must hold the write lock only briefly.
     * Its rows stay hidden until the import is released, which is when the change feed hears of them.
     */
    public <T> T chunk(Function<BulkTx, T> work) {
        return checked(() -> stateless(session -> ChangeLogPause.during(session, ChangeLogPause.NOTHING,
                () -> work.apply(new BulkTx(session)))));
    }

    /**
     * A shared server's connection lost during COMMIT leaves the outcome unknown to this side: the
     * server may have committed before the line went. Such a failure must not be reported as
     * "nothing was saved".
     */
    private void commit(Transaction tx) {
        try {
            tx.commit();
        } catch (RuntimeException e) {
            throw file == null ? new StorageProblem.CommitInDoubt(e) : e;
        }
    }

    private void takeWriteLock(org.hibernate.SharedSessionContract session) {
        if (file == null) {
            session.doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select pg_advisory_xact_lock(" + WRITE_LOCK + ")");
                }
            });
        }
    }

    /** Refuses a database file that vanished or was replaced, and names storage problems in one line. */
    private <T> T checked(java.util.function.Supplier<T> work) {
        checkFile();
        try {
            T result = work.get();
            unreachable = null;
            return result;
        } catch (RuntimeException e) {
            if (target instanceof DatabaseTarget.Postgres server) {
                RuntimeException translated = StorageProblem.translate(e, server);
                if (translated instanceof StorageProblem.Unreachable lostServer) {
                    unreachable = lostServer;
                    nextServerCheck = System.nanoTime() + FILE_CHECK_INTERVAL_NANOS;
                }
                throw translated;
            }
            throw StorageProblem.translate(e, file);
        }
    }

    /**
     * Why the shared server cannot be reached right now, while the last attempt to reach it failed
     * (nothing was written). The connection pool and the change feed reconnect by themselves; this
     * looks again at most about once a second, so a caller may ask it as often as it likes. Always
     * empty on SQLite.
     */
    public Optional<StorageProblem.Unreachable> unreachable() {
        StorageProblem.Unreachable problem = unreachable;
        long due = nextServerCheck;
        // one caller looks (the one that moves the time of the next look); the others answer at once
        if (problem == null || System.nanoTime() - due < 0
                || !NEXT_SERVER_CHECK.compareAndSet(this, due, System.nanoTime() + FILE_CHECK_INTERVAL_NANOS)) {
            return Optional.ofNullable(problem);
        }
        try (Connection connection = ((PostgresConnectionProvider) connections).getConnection()) {
            if (connection.isValid(2)) {
                unreachable = null;
                LOG.info("database {} reachable again", target.shown());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("database {} still unreachable: {}", target.shown(), e.getMessage());
        }
        return Optional.ofNullable(unreachable);
    }

    private <T> T stateless(Function<StatelessSession, T> work) {
        return BusyRetry.untilBegun(began -> SqliteConnectionProvider.writing(() -> {
            try (StatelessSession session = sessionFactory.openStatelessSession()) {
                Transaction tx = session.beginTransaction();
                takeWriteLock(session);
                began.run();
                try {
                    T result = work.apply(session);
                    commit(tx);
                    committed();
                    return result;
                } catch (RuntimeException e) {
                    rollbackQuietly(tx);
                    throw e;
                }
            }
        }));
    }

    private static void rollbackQuietly(Transaction tx) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException suppressed) {
            LOG.warn("rollback failed", suppressed);
        }
    }

    SessionFactory sessionFactory() {
        return sessionFactory;
    }

    @Override
    public void close() {
        ChangeFeed feed;
        synchronized (this) {
            feed = changeFeed;
        }
        if (feed != null) {
            feed.close();
        }
        sessionFactory.close();
        try {
            pool.close();
        } catch (Exception e) {
            LOG.warn("closing the connection pool", e);
        }
    }
}
