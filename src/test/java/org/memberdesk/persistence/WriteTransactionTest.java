package org.memberdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.domain.Contact;

/**
 * Two processes on one SQLite file: a write transaction that reads before it writes must wait
 * for the other writer instead of failing with SQLITE_BUSY_SNAPSHOT.
 */
class WriteTransactionTest {

    @TempDir
    Path dir;

    @Test
    void readThenWriteTransactionsOfTwoConnectionsPoolsBothCommit() throws Exception {
        Path file = dir.resolve("memberdesk.db");
        try (Database first = Database.open(file); Database second = Database.open(file)) {
            CountDownLatch firstHasRead = new CountDownLatch(1);
            CountDownLatch secondHasRead = new CountDownLatch(1);

            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> first.writeVoid(t -> {
                t.contacts().count();
                firstHasRead.countDown();
                await(secondHasRead, 700); // with IMMEDIATE the other one is still waiting at BEGIN
                t.persist(new Contact("a@example.com", "A", List.of(), Instant.now()));
            }));
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> {
                await(firstHasRead, 5000);
                second.writeVoid(t -> {
                    long seen = t.contacts().count();
                    secondHasRead.countDown();
                    t.persist(new Contact("b" + seen + "@example.com", "B", List.of(), Instant.now()));
                });
            });

            a.get(20, TimeUnit.SECONDS);
            b.get(20, TimeUnit.SECONDS);
            long count = first.read(t -> t.contacts().count());
            assertThat(count).isEqualTo(2);
            // The second transaction began after the first committed, so it saw its contact.
            java.util.Optional<Contact> b1 = first.read(t -> t.contacts().byEmail("b1@example.com"));
            assertThat(b1).isPresent();
        }
    }

    @Test
    void aReadInsideAWriteOnTheSameThreadDoesNotWaitForItself() {
        try (Database db = Database.open(dir.resolve("memberdesk.db"))) {
            long seen = db.write(t -> {
                t.persist(new Contact("a@example.com", "A", List.of(), Instant.now()));
                return db.read(inner -> inner.contacts().count());
            });
            assertThat(seen).isZero(); // the outer write had not committed yet
            long count = db.read(t -> t.contacts().count());
            assertThat(count).isEqualTo(1);
        }
    }

    private static void await(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
