package org.memberdesk.persistence;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Moves a desk up to team mode: copies every row of a data directory's SQLite database into an empty
 * PostgreSQL database, in one PostgreSQL transaction (all or nothing), tables in foreign-key order,
 * SQLite's values turned into the target's column types. Tables and columns come from the two
 * databases' own metadata, so a table or column a later migration adds is copied as it is.
 *
 * <p>Not copied: Flyway's history (the target has its own), the change feed's tables (the copy leaves
 * one "everything" entry) and SQLite's own search tables (PostgreSQL searches the contact table).
 */
public final class SqliteToPostgres {

    /** Tables that hold no data of their own, or only SQLite's; FTS5's shadow tables go with contact_fts. */
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "change_log", "change_pause",
            "contact_search", "contact_search_bulk", "contact_search_dirty");
    private static final String SQLITE_SEARCH_PREFIX = "contact_fts";
    private static final int BATCH = 500;

    /** Rows of one table in the source and, after the copy, in the target. */
    public record TableCount(String table, long source, long target) {
    }

    /** A copy that must not be made (target not empty, schemas differ) or did not come out equal; nothing was written. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private SqliteToPostgres() {
    }

    /**
     * Brings both schemas up to date (Flyway), then copies. The target must be empty: every copied
     * table without rows; its schema only as Flyway made it.
     *
     * @return the row counts per table, source and target, in the order copied
     * @throws Refused         when the target is not empty, the schemas differ, or the counts came out unequal
     * @throws StorageProblem  when a database cannot be used (the server unreachable, login refused, ...)
     */
    public static List<TableCount> copy(Path sqliteFile, DatabaseTarget.Postgres target) {
        Database.open(sqliteFile).close();
        Database.open(target).close();
        try (Connection source = openSqlite(sqliteFile);
             Connection server = target.connect("MemberDesk db copy")) {
            source.setAutoCommit(false);
            server.setAutoCommit(false);
            try {
                List<TableCount> counts = copy(source, server, target);
                server.commit();
                return counts;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(server);
                throw e;
            } finally {
                rollbackQuietly(source);
            }
        } catch (SQLException e) {
            RuntimeException translated = StorageProblem.translate(new IllegalStateException(e.getMessage(), e), target);
            if (translated instanceof StorageProblem) {
                throw translated;
            }
            // one line, and only the server's first line: a batch's full message can quote row values
            throw new Refused("copying into " + target.shown() + " failed, nothing was copied: "
                    + StorageProblem.firstLine(e.getMessage()));
        } catch (Refused e) {
            throw e;
        } catch (RuntimeException e) {
            throw StorageProblem.translate(e, target);
        }
    }

    private static List<TableCount> copy(Connection source, Connection server, DatabaseTarget.Postgres target)
            throws SQLException {
        execute(server, "select pg_advisory_xact_lock(" + Database.WRITE_LOCK + ")");
        String schema = server.getSchema();
        List<String> tables = sourceTables(source);
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        for (String table : tables) {
            columns.put(table, columns(source, server.getMetaData(), schema, table));
        }
        String sourceVersion = DatabaseInfo.schemaVersion(source);
        String targetVersion = DatabaseInfo.schemaVersion(server);
        if (!sourceVersion.equals(targetVersion)) {
            throw new Refused("the SQLite database is at schema version " + sourceVersion + " but " + target.shown()
                    + " at " + targetVersion + ": run the same MemberDesk version on both; nothing was copied");
        }
        refuseNonEmpty(server, tables, target);

        Map<String, Set<String>> parents = new TreeMap<>();
        Map<String, List<String>> selfReferences = new TreeMap<>();
        for (String table : tables) {
            parents.put(table, new TreeSet<>());
            selfReferences.put(table, new ArrayList<>());
            try (ResultSet keys = server.getMetaData().getImportedKeys(null, schema, table)) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME");
                    if (parent.equals(table)) {
                        selfReferences.get(table).add(keys.getString("FKCOLUMN_NAME"));
                    } else if (tables.contains(parent)) {
                        parents.get(table).add(parent);
                    }
                }
            }
        }

        List<TableCount> counts = new ArrayList<>();
        execute(server, "insert into change_pause (id) select 1 where not exists (select 1 from change_pause)");
        for (String table : inForeignKeyOrder(parents)) {
            copyTable(source, server, table, columns.get(table), selfReferences.get(table), schema);
            counts.add(new TableCount(table, count(source, table), count(server, table)));
        }
        execute(server, "delete from change_pause");
        execute(server, "insert into change_log (kind) values ('" + ChangeLogPause.EVERYTHING + "')");
        List<TableCount> unequal = counts.stream().filter(c -> c.source() != c.target()).toList();
        if (!unequal.isEmpty()) {
            throw new Refused("the copy came out unequal (" + unequal.stream()
                    .map(c -> c.table() + ": " + c.source() + " rows, copied " + c.target())
                    .collect(Collectors.joining(", ")) + "): rolled back, nothing was copied");
        }
        return counts;
    }

    private static List<String> sourceTables(Connection source) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = source.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'"
                             + " order by name")) {
            while (rows.next()) {
                String name = rows.getString(1);
                if (!NOT_COPIED.contains(name) && !name.startsWith(SQLITE_SEARCH_PREFIX)) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    /** A column as the target has it; the source must have the same ones. */
    private record Column(String name, String type) {
    }

    private static List<Column> columns(Connection source, DatabaseMetaData server, String schema, String table)
            throws SQLException {
        Set<String> sourceColumns = new LinkedHashSet<>();
        try (Statement statement = source.createStatement();
             ResultSet rows = statement.executeQuery("select name from pragma_table_info('" + table + "')")) {
            while (rows.next()) {
                sourceColumns.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        List<Column> columns = new ArrayList<>();
        try (ResultSet rows = server.getColumns(null, schema, table, null)) {
            while (rows.next()) {
                if (!table.equals(rows.getString("TABLE_NAME")) || !schema.equals(rows.getString("TABLE_SCHEM"))) {
                    continue; // the names are LIKE patterns: '_' matches any character
                }
                columns.add(new Column(rows.getString("COLUMN_NAME"), rows.getString("TYPE_NAME").toLowerCase(Locale.ROOT)));
            }
        }
        if (columns.isEmpty()) {
            throw new Refused("the PostgreSQL database has no table " + table + ", which the SQLite database has:"
                    + " run the same MemberDesk version on both; nothing was copied");
        }
        Set<String> targetColumns = columns.stream().map(Column::name).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!targetColumns.equals(sourceColumns)) {
            Set<String> onlySource = new TreeSet<>(sourceColumns);
            onlySource.removeAll(targetColumns);
            Set<String> onlyTarget = new TreeSet<>(targetColumns);
            onlyTarget.removeAll(sourceColumns);
            throw new Refused("the table " + table + " differs between the two databases (only in SQLite: "
                    + onlySource + ", only in PostgreSQL: " + onlyTarget + "): run the same MemberDesk version on"
                    + " both; nothing was copied");
        }
        return columns;
    }

    private static void refuseNonEmpty(Connection server, List<String> tables, DatabaseTarget.Postgres target)
            throws SQLException {
        List<String> filled = new ArrayList<>();
        for (String table : tables) {
            long rows = count(server, table);
            if (rows > 0) {
                filled.add(rows + " " + table);
            }
        }
        if (!filled.isEmpty()) {
            throw new Refused("the database at " + target.shown() + " is not empty: " + String.join(", ", filled)
                    + " rows; copy only into a new one");
        }
    }

    /** Parents before children; a cycle (which the schema does not have) would be refused. */
    private static List<String> inForeignKeyOrder(Map<String, Set<String>> parents) {
        List<String> order = new ArrayList<>();
        Set<String> left = new TreeSet<>(parents.keySet());
        while (!left.isEmpty()) {
            String next = left.stream().filter(t -> order.containsAll(parents.get(t))).findFirst()
                    .orElseThrow(() -> new Refused("the tables " + left + " refer to each other in a circle:"
                            + " they cannot be copied one after the other; nothing was copied"));
            order.add(next);
            left.remove(next);
        }
        return order;
    }

    /**
     * Copies one table's rows. A column that refers to its own table (an email resent from another) is
     * first written empty and filled in once all the table's rows are there.
     */
    private static void copyTable(Connection source, Connection server, String table, List<Column> columns,
                                  List<String> selfReferences, String schema) throws SQLException {
        String names = columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        List<SelfReference> later = new ArrayList<>();
        String key = selfReferences.isEmpty() ? null : singlePrimaryKey(server, schema, table);
        int keyIndex = key == null ? -1 : indexOf(columns, key);
        try (Statement read = source.createStatement();
             ResultSet rows = read.executeQuery("select " + names + " from " + quote(table));
             PreparedStatement insert = server.prepareStatement(
                     "insert into " + quote(table) + " (" + names + ") values (" + marks + ")")) {
            int pending = 0;
            while (rows.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    Column column = columns.get(i);
                    Object value = rows.getObject(i + 1);
                    if (value != null && selfReferences.contains(column.name())) {
                        later.add(new SelfReference(column, value, columns.get(keyIndex), rows.getObject(keyIndex + 1)));
                        value = null;
                    }
                    bind(insert, i + 1, column, value, table);
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        for (SelfReference reference : later) {
            try (PreparedStatement update = server.prepareStatement("update " + quote(table) + " set "
                    + quote(reference.column().name()) + " = ? where " + quote(reference.key().name()) + " = ?")) {
                bind(update, 1, reference.column(), reference.value(), table);
                bind(update, 2, reference.key(), reference.keyValue(), table);
                update.executeUpdate();
            }
        }
    }

    /** A value left out of a row's insert until every row of its table is there. */
    private record SelfReference(Column column, Object value, Column key, Object keyValue) {
    }

    private static String singlePrimaryKey(Connection server, String schema, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (ResultSet rows = server.getMetaData().getPrimaryKeys(null, schema, table)) {
            while (rows.next()) {
                key.add(rows.getString("COLUMN_NAME"));
            }
        }
        if (key.size() != 1) {
            throw new Refused("the table " + table + " refers to itself but has no single-column primary key:"
                    + " it cannot be copied; nothing was copied");
        }
        return key.get(0);
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name);
    }

    /** SQLite's value (integer, real, text, blob or null) as the target column's type wants it. */
    private static void bind(PreparedStatement statement, int index, Column column, Object value, String table)
            throws SQLException {
        try {
            switch (column.type()) {
                case "uuid" -> {
                    if (value == null) {
                        statement.setNull(index, Types.OTHER);
                    } else {
                        statement.setObject(index, uuid(value));
                    }
                }
                case "timestamptz", "timestamp" -> {
                    if (value == null) {
                        statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        statement.setObject(index, instant(value).atOffset(ZoneOffset.UTC));
                    }
                }
                case "bool" -> {
                    if (value == null) {
                        statement.setNull(index, Types.BOOLEAN);
                    } else {
                        statement.setBoolean(index, bool(value));
                    }
                }
                case "int2", "int4", "int8", "serial", "bigserial" -> {
                    if (value == null) {
                        statement.setNull(index, Types.BIGINT);
                    } else {
                        statement.setLong(index, value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim()));
                    }
                }
                case "varchar", "text", "bpchar" -> {
                    if (value == null) {
                        statement.setNull(index, Types.VARCHAR);
                    } else {
                        statement.setString(index, value instanceof byte[] bytes
                                ? new String(bytes, StandardCharsets.UTF_8) : value.toString());
                    }
                }
                default -> statement.setObject(index, value);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new Refused("the value in " + table + "." + column.name() + " cannot become PostgreSQL's "
                    + column.type() + " (" + e.getMessage() + "); nothing was copied");
        }
    }

    /** Hibernate stores a UUID in SQLite as its 16 bytes, most significant first. */
    private static UUID uuid(Object value) {
        if (value instanceof byte[] bytes) {
            if (bytes.length != 16) {
                throw new IllegalArgumentException(bytes.length + " bytes, not 16");
            }
            return SqlIds.uuid(bytes);
        }
        return UUID.fromString(value.toString().trim());
    }

    /**
     * The SQLite JDBC driver stores an Instant as milliseconds since the epoch; text in SQL's or
     * ISO's form (a row written by hand) is read as UTC.
     */
    private static Instant instant(Object value) {
        if (value instanceof Number number) {
            return Instant.ofEpochMilli(number.longValue());
        }
        String text = value.toString().trim();
        if (text.matches("-?\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }

    private static boolean bool(Object value) {
        if (value instanceof Number number) {
            return number.longValue() != 0;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException("\"" + text + "\" is no truth value");
        };
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + quote(table))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static Connection openSqlite(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection closes next; an open transaction ends with it
        }
    }
}
