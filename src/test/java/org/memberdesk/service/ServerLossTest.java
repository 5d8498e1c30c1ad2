package org.memberdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.persistence.DatabaseTarget;
import org.memberdesk.service.storage.DatabaseChoice;
import org.memberdesk.testsupport.Await;
import org.memberdesk.testsupport.CuttableRelay;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestDatabases;
import org.memberdesk.testsupport.TestServices;

/**
 * A desk on a shared PostgreSQL server that goes away (its port closed, every connection dropped)
 * and comes back: what the agent tries meanwhile fails with one line saying so and writes nothing,
 * and the desk works again by itself once the server answers. Runs on the PostgreSQL test run.
 */
class ServerLossTest {

    private static final Actor SAM = Actor.agent("Sam");

    @TempDir
    Path dir;
    CuttableRelay relay;
    Services desk;

    @BeforeEach
    void aDeskBehindARelay() throws Exception {
        assumeTrue(TestDatabases.postgresql(), "needs the PostgreSQL test run");
        DatabaseTarget.Postgres server = TestDatabases.server().orElseThrow();
        relay = new CuttableRelay(server.host(), server.port());
        String url = TestDatabases.newDatabaseUrl()
                .replace(server.host() + ":" + server.port(), "localhost:" + relay.port());
        desk = TestServices.open(dir, TestClock.at(TestServices.START), Map.of(DatabaseChoice.URL_ENV, url));
        desk.contacts().add("dana@example.com", "Dana Whitfield", List.of(), SAM);
    }

    @AfterEach
    void close() throws Exception {
        if (relay != null) {
            relay.restore();
        }
        if (desk != null) {
            desk.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void whileTheServerIsAwayNothingIsHalfWrittenAndTheDeskComesBackByItself() throws Exception {
        relay.cut();

        assertThatThrownBy(() -> desk.contacts().add("kim@example.com", "Kim Lee", List.of(), SAM))
                .isInstanceOf(UserError.DatabaseUnreachable.class)
                .hasMessageStartingWith("Database unreachable")
                .hasMessageContaining("nothing was saved")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(desk.databaseUnreachable()).isPresent();

        relay.restore();

        Await.until(Duration.ofSeconds(20), () -> desk.databaseUnreachable().isEmpty(), "the server answers again");
        assertThat(desk.contacts().find("", 10)).extracting(c -> c.email()).containsExactly("dana@example.com");
        desk.contacts().add("kim@example.com", "Kim Lee", List.of(), SAM);
        assertThat(desk.contacts().count()).isEqualTo(2);
    }

    @Test
    void aConnectionLostDuringTheCommitIsNotCalledNothingSaved() {
        assertThatThrownBy(() -> desk.transactions().write(t -> {
            t.contacts().byEmail("dana@example.com").orElseThrow().rename("Dana W.");
            t.flush();
            try {
                relay.cut();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        }))
                .isInstanceOf(UserError.DatabaseUnreachable.class)
                .hasMessageStartingWith("Database unreachable")
                .hasMessageContaining("may or may not have been saved")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("nothing was saved").doesNotContain("\n"));
    }
}
