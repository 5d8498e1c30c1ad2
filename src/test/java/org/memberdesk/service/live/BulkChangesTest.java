package org.memberdesk.service.live;

import org.memberdesk.testsupport.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Services;
import org.memberdesk.service.demo.SampleDataGenerator;
import org.memberdesk.testsupport.Await;
import org.memberdesk.testsupport.ServicesCase;
import org.memberdesk.testsupport.TestServices;

/** Writes that replace data wholesale leave one summary entry, not one per row. */
class BulkChangesTest extends ServicesCase {

    private final List<Changes> heard = new CopyOnWriteArrayList<>();

    @Test
    void generatedSampleDataIsOneEverythingEntry() throws SQLException {
        services.liveChanges().subscribe(heard::add);
        long before = count("select count(*) from change_log");
        try (Services otherDesk = TestServices.open(dir, clock)) {
            new SampleDataGenerator(otherDesk.transactions().database(), otherDesk.clock())
                    .generate(new SampleDataGenerator.Spec(2_000, 7L, 10));

            Await.until(Duration.ofSeconds(5), () -> heard.stream().anyMatch(Changes::everything), "sample data");
            assertThat(count("select count(*) from change_log") - before).isLessThan(10);
            assertThat(count("select count(*) from change_pause")).isZero();
        }
    }

    @Test
    void resetDemoIsEverythingForWhoeverWatches() throws SQLException {
        try (Services otherDesk = TestServices.open(dir, clock)) {
            otherDesk.demo().seed();
            services.liveChanges().subscribe(heard::add);

            otherDesk.demo().reset();

            Await.until(Duration.ofSeconds(5), () -> heard.stream().anyMatch(Changes::everything), "Reset demo");
            assertThat(count("select count(*) from change_pause")).isZero();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = TestDatabases.connect(services.dataDirectory().root());
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
