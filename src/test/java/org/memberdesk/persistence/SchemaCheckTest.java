package org.memberdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.domain.Contact;

/**
 * A database whose applied migrations are exactly the shipped ones opens without Flyway and without
 * Hibernate's validation; any difference in the history, and every open in the test suite, migrates
 * and validates.
 */
class SchemaCheckTest {

    @TempDir
    Path dir;

    @Test
    void theTestSuiteAlwaysMigratesAndValidates() {
        assertThat(SchemaCheck.configured()).isEqualTo(SchemaCheck.ALWAYS);
        Path file = dir.resolve("memberdesk.db");
        try (Database created = Database.open(file)) {
            assertThat(created.schemaValidated()).isTrue();
        }
        try (Database again = Database.open(file)) {
            assertThat(again.schemaValidated()).isTrue();
        }
    }

    @Test
    void aCurrentSchemaOpensWithoutMigratingOrValidatingAndWorks() {
        Path file = dir.resolve("memberdesk.db");
        try (Database created = Database.open(file, SchemaCheck.WHEN_CHANGED)) {
            assertThat(created.schemaValidated()).as("a new database is migrated").isTrue();
        }
        try (Database current = Database.open(file, SchemaCheck.WHEN_CHANGED)) {
            assertThat(current.schemaValidated()).isFalse();
            current.writeVoid(t -> t.persist(new Contact("a@example.com", "A", List.of("x"), Instant.now())));
            Optional<Contact> read = current.read(t -> t.contacts().byEmail("a@example.com"));
            assertThat(read).isPresent();
        }
    }

    @Test
    void theShippedChecksumsAreTheOnesFlywayRecords() throws SQLException {
        Path file = dir.resolve("memberdesk.db");
        Database.open(file, SchemaCheck.ALWAYS).close();
        Map<String, Integer> recorded = new HashMap<>();
        try (Connection sql = connect(file); Statement s = sql.createStatement();
             ResultSet rows = s.executeQuery("select version, checksum from flyway_schema_history")) {
            while (rows.next()) {
                recorded.put(rows.getString(1), rows.getInt(2));
            }
        }
        assertThat(ShippedMigrations.checksums(Engine.SQLITE)).isNotEmpty().isEqualTo(recorded);
    }

    @Test
    void anAppliedMigrationWhoseChecksumDiffersIsValidatedAndRefused() throws SQLException {
        Path file = dir.resolve("memberdesk.db");
        Database.open(file, SchemaCheck.ALWAYS).close();
        execute(file, "update flyway_schema_history set checksum = checksum + 1 where version = '1'");
        assertThatThrownBy(() -> Database.open(file, SchemaCheck.WHEN_CHANGED).close())
                .hasMessageContaining("checksum");
    }

    @Test
    void aMigrationThisBuildDoesNotShipIsLeftToFlywayAndValidated() throws SQLException {
        Path file = dir.resolve("memberdesk.db");
        Database.open(file, SchemaCheck.ALWAYS).close();
        // As a database a newer build migrated further.
        execute(file, "insert into flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) select max(installed_rank) + 1, '999',"
                + " 'from a newer build', 'SQL', 'V999__from_a_newer_build.sql', 1, 'test', 0, 1"
                + " from flyway_schema_history");
        try (Database newer = Database.open(file, SchemaCheck.WHEN_CHANGED)) {
            assertThat(newer.schemaValidated()).isTrue();
        }
    }

    @Test
    void alwaysFindsAMappedTableMissingWhereTheHistoryAloneWouldNot() throws SQLException {
        Path file = dir.resolve("memberdesk.db");
        Database.open(file, SchemaCheck.ALWAYS).close();
        execute(file, "drop table login_throttle");
        try (Database unchecked = Database.open(file, SchemaCheck.WHEN_CHANGED)) {
            assertThat(unchecked.schemaValidated()).isFalse();
        }
        assertThatThrownBy(() -> Database.open(file, SchemaCheck.ALWAYS).close())
                .hasMessageContaining("login_throttle");
    }

    private static void execute(Path file, String sql) throws SQLException {
        try (Connection connection = connect(file); Statement s = connection.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }
}
