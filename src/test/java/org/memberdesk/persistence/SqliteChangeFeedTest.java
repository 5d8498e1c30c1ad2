package org.memberdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.domain.Contact;
import org.memberdesk.testsupport.Await;

/** The SQLite change feed against a real file, written by plain JDBC as another program would. */
class SqliteChangeFeedTest {

    @TempDir
    Path dir;

    @Test
    void aWriteOfAnotherConnectionIsDeliveredInOrderWithItsContact() throws SQLException {
        Path file = dir.resolve("memberdesk.db");
        List<ChangeBatch> heard = new CopyOnWriteArrayList<>();
        try (Database database = Database.open(file); Database otherProcess = Database.open(file)) {
            database.changeFeed().subscribe(heard::add);
            Contact dana = otherProcess.write(t -> {
                Contact contact = new Contact("dana@example.com", "Dana", List.of("vip"), Instant.now());
                t.persist(contact);
                return contact;
            });

            Await.until(Duration.ofSeconds(5), () -> !entries(heard).isEmpty(), "Dana's new contact");
            assertThat(entries(heard)).allSatisfy(entry -> {
                assertThat(entry.kind()).isEqualTo("contact");
                assertThat(entry.contactId()).isEqualTo(dana.getId());
            });
            List<Long> seqs = entries(heard).stream().map(ChangeEntry::seq).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void theLogKeepsItsNewestFiftyThousandRows() throws SQLException {
        Path file = dir.resolve("memberdesk.db");
        try (Database database = Database.open(file); Connection sql = connect(file)) {
            insertEntries(sql, 52_000);

            assertThat(single(sql, "select count(*) from change_log")).isBetween(49_000L, 50_000L);
            assertThat(single(sql, "select max(seq) from change_log")).isEqualTo(52_000L);
        }
    }

    @Test
    void aReaderLeftBehindThePrunedLogIsToldItHasAGap() throws SQLException {
        Path file = dir.resolve("memberdesk.db");
        List<ChangeBatch> heard = new CopyOnWriteArrayList<>();
        try (Database database = Database.open(file); Connection sql = connect(file)) {
            insertEntries(sql, 10);
            database.changeFeed().subscribe(heard::add);
            // One transaction: the reader sees it all at once, after the prune went past its cursor.
            sql.setAutoCommit(false);
            insertEntries(sql, 60_000);
            sql.commit();

            Await.until(Duration.ofSeconds(10), () -> heard.stream().anyMatch(ChangeBatch::gap), "a gap");
        }
    }

    private static List<ChangeEntry> entries(List<ChangeBatch> batches) {
        List<ChangeEntry> all = new ArrayList<>();
        batches.forEach(batch -> all.addAll(batch.entries()));
        return all;
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static void insertEntries(Connection sql, int count) throws SQLException {
        try (PreparedStatement insert = sql.prepareStatement(
                "insert into change_log (kind, setting_key, changed_at) values ('settings', ?, ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, "key." + i);
                insert.setLong(2, System.currentTimeMillis());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static long single(Connection sql, String query) throws SQLException {
        try (Statement statement = sql.createStatement(); ResultSet result = statement.executeQuery(query)) {
            return result.getLong(1);
        }
    }
}
