package org.memberdesk.service.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.persistence.FirstPageReader;
import org.memberdesk.persistence.ImportBatchRepository;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.UserError;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.testsupport.ServicesCase;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestDatabases;
import org.memberdesk.testsupport.TestServices;

/**
 * An import commits in short chunks under an import batch: nobody else sees its rows, its trigger
 * events or its audit entries until the last chunk has committed; a failure, a cancel or a crash
 * leaves nothing behind and sends nothing.
 */
class ChunkedImportTest extends ServicesCase {

    static final String GOLD = "Gold Membership";
    static final int ROWS = 3000;

    @TempDir
    Path files;
    Actor agent = Actor.agent("Sam (support)");

    @BeforeEach
    void open() {
        services.offers().create(GOLD, null, agent);
        services.contacts().add("kim@example.com", "Kim Park", List.of("vip"), agent);
    }

    /** member0 .. member2999, each with a tag and the Gold offer. */
    private Path members() throws IOException {
        StringBuilder text = new StringBuilder("email,name,tags,offer\n");
        for (int i = 0; i < ROWS; i++) {
            text.append("member").append(i).append("@example.org,Member ").append(i).append(",cohort-")
                    .append(i % 5).append(',').append(GOLD).append('\n');
        }
        Path file = files.resolve("members.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private long rows(String sql) {
        try (Connection raw = TestDatabases.connect(services.dataDirectory().root());
             PreparedStatement statement = raw.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int pendingTriggers(Services in) {
        return in.transactions().read(t -> t.triggers().pending(1_000_000).size());
    }

    @Test
    void itsRowsStayOutOfSightOfOthersUntilTheLastChunkHasCommitted() throws IOException {
        Path file = members();
        int triggersBefore = pendingTriggers(services);
        List<String> seenDuringImport = new ArrayList<>();
        AtomicBoolean looked = new AtomicBoolean();

        ImportResult result = services.contactImport().run(file, true, agent, (phase, done, total) -> {
            if (phase != ImportProgress.Phase.WRITING || done < 1000 || !looked.compareAndSet(false, true)) {
                return;
            }
            // At least one chunk has committed, and the write lock is free: another process looks.
            assertThat(rows("select count(*) from contact where import_batch_id is not null")).isPositive();
            try (Services other = TestServices.open(dir, clock)) {
                assertThat(other.contacts().count()).isEqualTo(1);
                assertThat(other.contacts().find("member", 100)).isEmpty();
                assertThat(other.contacts().find("", 100)).extracting(ContactSummary::email)
                        .containsExactly("kim@example.com");
                assertThat(other.contacts().find("m", 100)).isEmpty();
                assertThat(other.contacts().find("co", 100)).isEmpty();
                assertThatThrownBy(() -> other.contacts().byEmail("member1@example.org"))
                        .isInstanceOf(UserError.class);
                if (!TestDatabases.postgresql()) {
                    // the first page read straight from the SQLite file, before the database is opened
                    assertThat(FirstPageReader.read(other.dataDirectory().database(), 50).orElseThrow().total())
                            .isEqualTo(1);
                }
                assertThat(pendingTriggers(other)).isEqualTo(triggersBefore);
                assertThat(other.audit().latest(100)).noneMatch(e -> e.action().equals("contact.created")
                        && e.contactEmail() != null && e.contactEmail().startsWith("member"));
                // An agent keeps working meanwhile: a new contact, and one the file adds later.
                other.contacts().add("walk-in@example.org", "Walk In", List.of(), agent);
                other.contacts().add("member2999@example.org", "Added By Hand", List.of(), agent);
                // An address the unfinished import already holds is refused with why.
                assertThatThrownBy(() -> other.contacts().add("member1@example.org", "Someone", List.of(), agent))
                        .isInstanceOf(UserError.class).hasMessageContaining("being imported");
                seenDuringImport.add("looked");
            }
        });

        assertThat(seenDuringImport).containsExactly("looked");
        assertThat(result.newContacts()).isEqualTo(ROWS - 1);
        assertThat(result.existingContacts()).isEqualTo(1);
        assertThat(result.grantsAdded()).isEqualTo(ROWS);
        assertThat(services.contacts().count()).isEqualTo(ROWS + 2);
        assertThat(services.contacts().find("member1@", 10)).extracting(ContactSummary::email)
                .contains("member1@example.org");
        assertThat(services.contacts().byEmail("member1999@example.org").tags()).containsExactly("cohort-4");
        // The contact the agent added first keeps its name and gets the file's offer and tag.
        ContactSummary byHand = services.contacts().byEmail("member2999@example.org");
        assertThat(byHand.name()).isEqualTo("Added By Hand");
        assertThat(byHand.tags()).containsExactly("cohort-4");
        assertThat(services.contacts().card(byHand.id()).activeOffers()).hasSize(1);
        assertThat(pendingTriggers(services)).isEqualTo(triggersBefore + ROWS);
        if (!TestDatabases.postgresql()) {
            assertThat(FirstPageReader.read(services.dataDirectory().database(), 50).orElseThrow().total())
                    .isEqualTo(ROWS + 2);
        }
        assertThat(rows("select count(*) from import_batch where released_at is null")).isZero();
    }

    @Test
    void aFailureInALateChunkLeavesNothingAndSendsNothing() throws IOException {
        assertLeavesNothing(() -> new IllegalStateException("disk full"), IllegalStateException.class);
    }

    @Test
    void aCancelLeavesNothingAndSendsNothing() throws IOException {
        assertLeavesNothing(() -> new CancellationException("cancelled by the agent"), CancellationException.class);
    }

    private void assertLeavesNothing(java.util.function.Supplier<RuntimeException> failure,
                                     Class<? extends RuntimeException> type) throws IOException {
        Path file = members();
        long contactsBefore = rows("select count(*) from contact");
        long auditBefore = rows("select count(*) from audit_event");
        long triggersBefore = rows("select count(*) from trigger_event");

        assertThatThrownBy(() -> services.contactImport().run(file, true, agent, (phase, done, total) -> {
            if (phase == ImportProgress.Phase.WRITING && done == 2000) {
                assertThat(rows("select count(*) from contact where import_batch_id is not null"))
                        .as("chunks were committed before the failure").isGreaterThanOrEqualTo(2000);
                throw failure.get();
            }
        })).isInstanceOf(type);

        assertThat(rows("select count(*) from contact")).isEqualTo(contactsBefore);
        assertThat(rows("select count(*) from contact_search")).isEqualTo(contactsBefore);
        assertThat(rows("select count(*) from contact_tag")).isEqualTo(1);
        assertThat(rows("select count(*) from offer_grant")).isZero();
        assertThat(rows("select count(*) from portal_account")).isEqualTo(contactsBefore);
        assertThat(rows("select count(*) from trigger_event")).isEqualTo(triggersBefore);
        assertThat(rows("select count(*) from audit_event")).isEqualTo(auditBefore);
        assertThat(rows("select count(*) from import_batch")).isZero();
        services.emails().runOutbox(true);
        assertThat(rows("select count(*) from email_message")).isZero();
        assertThat(services.contacts().find("member", 10)).isEmpty();
    }

    @Test
    void theBatchOfAnImportThatStoppedRenewingItsLeaseIsRemovedWhenTheAppOpensAndTheImportStops()
            throws IOException {
        Path file = members();
        long triggersBefore = rows("select count(*) from trigger_event");
        TestClock later = TestClock.at(TestServices.START);
        later.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> services.contactImport().run(file, true, agent, (phase, done, total) -> {
            if (phase == ImportProgress.Phase.WRITING && done == 1000) {
                // Another process opens the data directory and takes this import for a dead one.
                try (Services other = TestServices.open(dir, later)) {
                    assertThat(rows("select count(*) from import_batch")).isZero();
                }
            }
        })).isInstanceOf(UserError.class).hasMessageContaining("nothing was imported");

        assertThat(rows("select count(*) from contact")).isEqualTo(1);
        assertThat(rows("select count(*) from trigger_event")).isEqualTo(triggersBefore);
        assertThat(rows("select count(*) from import_batch")).isZero();
    }

    @Test
    void aLeftoverBatchOfAProcessThatDiedIsRemovedOnTheNextOpen() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String owner = gone.pid() + ImportBatchRepository.THIS_PROCESS.substring(
                ImportBatchRepository.THIS_PROCESS.indexOf('@'));
        UUID batch = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        services.close();
        try (Connection raw = TestDatabases.connect(services.dataDirectory().root())) {
            raw.setAutoCommit(false);
            Timestamp epoch = Timestamp.from(Instant.EPOCH);
            try (PreparedStatement insert = raw.prepareStatement("""
                    insert into import_batch (id, file_name, started_by, owner, started_at, lease_until)
                    values (?, 'crashed.csv', 'Sam', ?, ?, ?)""")) {
                bindId(insert, 1, batch);
                insert.setString(2, owner);
                insert.setTimestamp(3, epoch);
                insert.setTimestamp(4, Timestamp.from(Instant.ofEpochMilli(9999999999999L)));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = raw.prepareStatement("""
                    insert into contact (id, email, name, created_at, updated_at, version, search_text, import_batch_id)
                    values (?, 'left@example.org', 'Left Over', ?, ?, 0, ?, ?)""")) {
                bindId(insert, 1, contact);
                insert.setTimestamp(2, epoch);
                insert.setTimestamp(3, epoch);
                insert.setString(4, "left over\nleft@example.org");
                bindId(insert, 5, batch);
                insert.executeUpdate();
            }
            raw.commit();
        }
        assertThat(rows("select count(*) from contact_search")).isEqualTo(2);

        services = TestServices.open(dir, clock);

        assertThat(rows("select count(*) from import_batch")).isZero();
        assertThat(rows("select count(*) from contact")).isEqualTo(1);
        assertThat(rows("select count(*) from contact_search")).isEqualTo(1);
        // The address is free again.
        services.contacts().add("left@example.org", "Left Again", List.of(), agent);
    }

    /** As the app stores an id: a 16-byte blob on SQLite, a uuid on PostgreSQL. */
    private static void bindId(PreparedStatement statement, int index, UUID id) throws SQLException {
        if (TestDatabases.postgresql()) {
            statement.setObject(index, id);
        } else {
            statement.setBytes(index, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits()).array());
        }
    }

    @Test
    void anImportBatchIdIsATimeOrderedUuidAssignedByTheApp() throws IOException {
        Path first = files.resolve("first.csv");
        Files.writeString(first, "email,name\nana@example.org,Ana\n", StandardCharsets.UTF_8);
        Path second = files.resolve("second.csv");
        Files.writeString(second, "email,name\nbo@example.org,Bo\n", StandardCharsets.UTF_8);

        services.contactImport().run(first, false, agent, null);
        services.contactImport().run(second, false, agent, null);

        List<UUID> batches = new ArrayList<>();
        try (Connection raw = TestDatabases.connect(services.dataDirectory().root());
             PreparedStatement statement = raw.prepareStatement("""
                     select b.id from import_batch b join contact c on c.import_batch_id = b.id
                     where c.email in ('ana@example.org', 'bo@example.org') order by c.email""");
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                if (result.getObject(1) instanceof UUID id) {
                    batches.add(id);
                } else {
                    ByteBuffer id = ByteBuffer.wrap(result.getBytes(1));
                    batches.add(new UUID(id.getLong(), id.getLong()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(batches).hasSize(2).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        assertThat(batches.get(0)).as("time-ordered").isLessThan(batches.get(1));
    }
}
