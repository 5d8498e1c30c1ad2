package org.memberdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.persistence.SqliteConnectionProvider;
import org.memberdesk.persistence.TestSessions;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;

/**
 * A full disk while the desk works (SQLite's SQLITE_FULL, here provoked by capping the database at
 * its present size on every pooled connection): one plain sentence naming the file, nothing saved.
 */
class DiskFullTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskIsOnePlainSentenceAndNothingIsHalfWritten() throws Exception {
        try (Services services = TestServices.open(dir, TestClock.at(TestServices.START))) {
            Actor agent = Actor.agent("tester");
            services.contacts().add("first@example.com", "First", List.of(), agent);
            capAtPresentSize(services);
            long before = services.contacts().count();

            assertThatThrownBy(() -> {
                for (int i = 0; i < 5_000; i++) {
                    services.contacts().add("c" + i + "@example.com", "Contact " + "x".repeat(150) + i,
                            List.of("tag-" + i), agent);
                }
            }).isInstanceOf(UserError.class)
                    .hasMessage("the disk holding " + dir.resolve("memberdesk.db") + " is full: nothing was saved;"
                            + " free some space and try again");

            long after = services.contacts().count();
            assertThat(after).isGreaterThanOrEqualTo(before);
            int added = (int) (after - before);
            assertThat(services.contacts().find("c" + added + "@example.com")).as("the refused contact").isEmpty();
        }
    }

    private static void capAtPresentSize(Services services) throws Exception {
        SqliteConnectionProvider provider = TestSessions.factory(services.transactions().database())
                .unwrap(SessionFactoryImplementor.class).getServiceRegistry().getService(ConnectionProvider.class)
                .unwrap(SqliteConnectionProvider.class);
        DataSource pool = provider.dataSource();
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Connection connection = pool.getConnection();
                all.add(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("pragma max_page_count = 1"); // never below the present page count
                }
            }
        } finally {
            for (Connection connection : all) {
                connection.close();
            }
        }
    }
}
