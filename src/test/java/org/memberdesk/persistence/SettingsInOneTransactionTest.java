package org.memberdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction remembers the settings it read, absent ones too (composing each of a bulk of emails
 * read a dozen keys a new database does not have). What it writes itself it must read back at once.
 */
class SettingsInOneTransactionTest {

    @TempDir
    Path dir;

    @Test
    void aSettingWrittenOrRemovedInATransactionReadsBackAsWrittenInTheSameTransaction() {
        try (Database db = Database.open(dir.resolve("memberdesk.db"))) {
            Instant now = Instant.parse("2026-12-04T10:00:00Z");
            List<Optional<String>> seen = db.write(t -> {
                List<Optional<String>> values = new ArrayList<>();
                values.add(t.settings().get("portal.url"));
                t.settings().put("portal.url", "https://members.example.org", now);
                values.add(t.settings().get("portal.url"));
                t.settings().put("portal.url", "https://portal.example.org", now);
                values.add(t.settings().get("portal.url"));
                t.settings().remove("portal.url");
                values.add(t.settings().get("portal.url"));
                t.settings().put("portal.url", "https://again.example.org", now);
                values.add(t.settings().get("portal.url"));
                return values;
            });
            assertThat(seen).containsExactly(Optional.empty(), Optional.of("https://members.example.org"),
                    Optional.of("https://portal.example.org"), Optional.empty(), Optional.of("https://again.example.org"));
            Optional<String> afterCommit = db.read(t -> t.settings().get("portal.url"));
            assertThat(afterCommit).contains("https://again.example.org");
        }
    }
}
