package org.memberdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;

/**
 * Another program holds the database's write lock for longer than SQLite's busy timeout (10 s): an
 * agent's action waits for it and then succeeds, instead of failing with "JDBC begin transaction failed".
 */
class BusyDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aWriteThatMeetsAHeldWriteLockWaitsAndSucceeds() throws Exception {
        try (Services services = TestServices.open(dir, TestClock.at(TestServices.START))) {
            Path file = services.dataDirectory().database();
            CountDownLatch held = new CountDownLatch(1);
            CompletableFuture<Void> otherProgram = CompletableFuture.runAsync(() -> {
                try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                     Statement statement = raw.createStatement()) {
                    statement.execute("begin immediate");
                    held.countDown();
                    Thread.sleep(12_000);
                    statement.execute("commit");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            ContactSummary added = services.contacts().add("ana@example.com", "Ana Lima", List.of(),
                    Actor.agent("Sam (support)"));
            long waited = (System.nanoTime() - start) / 1_000_000;

            otherProgram.get(30, TimeUnit.SECONDS);
            assertThat(added.email()).isEqualTo("ana@example.com");
            assertThat(waited).as("it waited for the other program").isGreaterThan(10_000);
            assertThat(services.contacts().byEmail("ana@example.com").name()).isEqualTo("Ana Lima");
        }
    }
}
