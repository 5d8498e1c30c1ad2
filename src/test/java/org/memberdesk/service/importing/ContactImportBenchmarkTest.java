package org.memberdesk.service.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;

/**
 * Measures a large import; runs only when asked, e.g.
 * {@code mvn test -Dtest=ContactImportBenchmarkTest -Dmemberdesk.importRows=100000}. No timing assertion.
 */
@EnabledIfSystemProperty(named = "memberdesk.importRows", matches = "\\d+")
class ContactImportBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void importsManyRowsAndReportsHowLongItTook() throws IOException {
        int rows = Integer.parseInt(System.getProperty("memberdesk.importRows"));
        Path file = dir.resolve("contacts.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("email,name,tags,offer\n");
            for (int i = 0; i < rows; i++) {
                out.write("member" + i + "@example.org,Member Number " + i + ",cohort-" + (i % 12) + ";imported,"
                        + (i % 4 == 0 ? "" : i % 4 == 1 ? "Gold Membership" : "Silver Course") + "\n");
            }
        }
        Actor agent = Actor.agent("bench");
        try (Services services = TestServices.open(dir.resolve("data"), TestClock.at(TestServices.START))) {
            services.offers().create("Gold Membership", null, agent);
            services.offers().create("Silver Course", null, agent);
            services.contacts().add("member1@example.org", "Already Here", List.of(), agent);

            long previewStart = System.nanoTime();
            ImportPreview preview = services.contactImport().preview(file);
            long previewMillis = (System.nanoTime() - previewStart) / 1_000_000;
            ImportResult result = services.contactImport().run(file, true, agent, ImportProgress.NONE);

            assertThat(result.newContacts()).isEqualTo(rows - 1);
            assertThat(services.contacts().count()).isEqualTo(rows);
            System.out.printf("BENCHMARK rows=%d preview=%d ms import=%d ms (new contacts %d, grants %d, triggers %d)%n",
                    rows, previewMillis, result.millis(), result.newContacts(), result.grantsAdded(),
                    result.triggersFired());
            assertThat(preview.newContacts()).isEqualTo(result.newContacts());
        }
    }
}
