package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.service.storage.DatabaseChoice;
import org.memberdesk.testsupport.Await;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;

/**
 * {@code memberdesk db backup} and {@code db restore}: a consistent online copy, put back into an empty
 * data directory. On SQLite only, also on a PostgreSQL run (where pg_dump does this: TeamModeCommandTest).
 */
class DbCommandTest {

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileAnotherProcessWritesIsAValidCopyWithEveryCommittedRow() throws Exception {
        Path data = dir.resolve("data");
        CliRunner cli = new CliRunner(data).onSqlite();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger committed = new AtomicInteger();
        int before;
        int after;
        Path backup = dir.resolve("desk.backup");
        // Backups are of SQLite files: this desk too stays on SQLite on a PostgreSQL run.
        try (Services desk = TestServices.open(data, TestClock.at(TestServices.START),
                Map.of(DatabaseChoice.URL_ENV, ""))) {
            Actor agent = Actor.agent("writer");
            for (int i = 0; i < 200; i++) {
                desk.contacts().add("early" + i + "@example.com", "Early " + i, List.of("t" + i % 7), agent);
            }
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; writing.get(); i++) {
                    desk.contacts().add("live" + i + "@example.com", "Live " + i, List.of("live"), agent);
                    committed.incrementAndGet();
                }
            });
            Await.until(Duration.ofSeconds(60), () -> committed.get() >= 20, "the desk to commit 20 contacts");
            before = 200 + committed.get();

            JsonNode result = cli.run("db", "backup", "--to", backup.toString(), "--json").succeeded().json();

            after = 200 + committed.get();
            writing.set(false);
            writer.get(60, TimeUnit.SECONDS);
            assertThat(result.get("file").asText()).isEqualTo(backup.toString());
            assertThat(result.get("bytes").asLong()).isEqualTo(Files.size(backup));
            assertThat(after).as("the desk kept writing during the backup").isGreaterThan(before);
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + backup);
             Statement sql = copy.createStatement()) {
            assertThat(single(sql, "pragma integrity_check")).isEqualTo("ok");
            long contacts = Long.parseLong(single(sql, "select count(*) from contact"));
            assertThat(contacts).isBetween((long) before, (long) after);
            assertThat(single(sql, "select count(*) from contact_search")).isEqualTo(String.valueOf(contacts));
            assertThat(single(sql, "select count(*) from contact where email like 'early%'")).isEqualTo("200");
        }
    }

    @Test
    void aBackupNeverOverwritesAFile() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("data")).onSqlite();
        cli.run("contacts", "add", "--email", "jo@example.com", "--name", "Jo").succeeded();
        Path existing = Files.writeString(dir.resolve("notes.txt"), "mine");

        String line = cli.run("db", "backup", "--to", existing.toString()).userError();

        assertThat(line).isEqualTo("error: " + existing + " already exists: a backup never overwrites a file;"
                + " choose a new name");
        assertThat(Files.readString(existing)).isEqualTo("mine");
    }

    @Test
    void aRestoreGoesIntoAnEmptyDataDirectoryAndIsMigrated() throws Exception {
        CliRunner source = new CliRunner(dir.resolve("data")).onSqlite();
        source.run("contacts", "add", "--email", "jo@example.com", "--name", "Jo Doe", "--tag", "vip").succeeded();
        Path backup = dir.resolve("desk.backup");
        source.run("db", "backup", "--to", backup.toString()).succeeded();
        CliRunner fresh = new CliRunner(dir.resolve("restored")).onSqlite();

        String out = fresh.run("db", "restore", "--from", backup.toString()).succeeded().out();

        assertThat(out).startsWith("restored 1 contacts (").endsWith(" from " + backup + " into "
                + dir.resolve("restored").resolve("memberdesk.db") + "\n");
        assertThat(fresh.run("contacts", "find", "vip").succeeded().out()).isEqualTo("Jo Doe\tjo@example.com\tvip\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("restored").resolve("memberdesk.db")))).isEqualTo("rw-------");
    }

    @Test
    void aRestoreIntoADataDirectoryWithADatabaseIsRefusedAndChangesNothing() throws Exception {
        CliRunner source = new CliRunner(dir.resolve("data")).onSqlite();
        source.run("contacts", "add", "--email", "jo@example.com", "--name", "Jo Doe").succeeded();
        Path backup = dir.resolve("desk.backup");
        source.run("db", "backup", "--to", backup.toString()).succeeded();
        CliRunner other = new CliRunner(dir.resolve("other")).onSqlite();
        other.run("contacts", "add", "--email", "kim@example.com", "--name", "Kim").succeeded();
        DatabaseState state = other.state();

        String line = other.run("db", "restore", "--from", backup.toString()).userError();

        assertThat(line).isEqualTo("error: the data directory " + dir.resolve("other") + " already holds a database"
                + " (memberdesk.db): restore only into an empty data directory, such as a new --data-dir;"
                + " nothing was changed");
        assertThat(other.state()).isEqualTo(state);
    }

    @Test
    void aFileThatIsNotAMemberDeskDatabaseIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("contacts.csv"), "email,name\njo@example.com,Jo\n");
        Path otherSqlite = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + otherSqlite); Statement s = c.createStatement()) {
            s.execute("create table contact (id integer)");
        }
        CliRunner fresh = new CliRunner(dir.resolve("restored")).onSqlite();

        assertThat(fresh.run("db", "restore", "--from", text.toString()).userError())
                .isEqualTo("error: cannot restore " + text + ": it is not a database; nothing was changed");
        assertThat(fresh.run("db", "restore", "--from", otherSqlite.toString()).userError())
                .isEqualTo("error: cannot restore " + otherSqlite + ": it is an SQLite database, but not"
                        + " MemberDesk's; nothing was changed");
        assertThat(new DataDirectory(dir.resolve("restored")).database()).doesNotExist();
    }

    private static String single(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
