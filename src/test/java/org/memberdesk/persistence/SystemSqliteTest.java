package org.memberdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;

/**
 * Support staff open the database with the operating system's own {@code sqlite3} (Debian 12 ships
 * 3.40): the migrated schema must load there, and a write that fires the search triggers must work
 * and leave the search index right for MemberDesk. Runs where {@code /usr/bin/sqlite3} exists; in CI
 * (environment variable CI set) it must exist.
 */
class SystemSqliteTest {

    private static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");

    @TempDir
    Path dir;

    @Test
    void theSystemSqlite3OpensTheSchemaAndItsTriggersKeepSearchRight() throws Exception {
        if (!Files.isExecutable(SQLITE3)) {
            if (System.getenv("CI") != null) {
                fail("CI is set but " + SQLITE3 + " is missing: install the Debian package sqlite3");
            }
            Assumptions.abort(SQLITE3 + " is not installed (apt-get install sqlite3)");
        }
        try (Services services = TestServices.open(dir, TestClock.at(TestServices.START))) {
            services.contacts().add("dana@example.com", "Dana Whitfield", List.of("vip"), Actor.agent("tester"));
        }

        String out = sqlite3("""
                pragma foreign_keys = on;
                begin;
                insert into contact (id, email, name, created_at, updated_at, version, search_text)
                values (x'0190000000007000800000000000aaaa', 'staff@example.org', 'Staff Added', 0, 0, 0,
                        'staff added' || char(10) || 'staff@example.org');
                insert into contact_tag (contact_id, tag) values (x'0190000000007000800000000000aaaa', 'zeta');
                insert into contact_tag (contact_id, tag) values (x'0190000000007000800000000000aaaa', 'alpha');
                insert into contact_tag (contact_id, tag) values (x'0190000000007000800000000000aaaa', 'mid');
                delete from contact_tag where contact_id = x'0190000000007000800000000000aaaa' and tag = 'mid';
                update contact set email = 'dana.w@example.com' where email = 'dana@example.com';
                commit;
                select replace(search_text, char(10), '|') from contact where email = 'staff@example.org';
                select count(*) from contact_fts where contact_fts match '"ff@example.o"';
                pragma integrity_check;
                """);

        assertThat(out.lines().toList()).containsExactly(
                "staff added|staff@example.org|alpha|zeta", "1", "ok");
        try (Services services = TestServices.open(dir, TestClock.at(TestServices.START))) {
            assertThat(services.contacts().find("zeta")).extracting(ContactSummary::email)
                    .containsExactly("staff@example.org");
            assertThat(services.contacts().find("staff")).extracting(ContactSummary::email)
                    .containsExactly("staff@example.org");
        }
    }

    /**
     * The guard that holds on every SQLite, old or new: {@code group_concat(... order by ...)} needs
     * 3.44, so no table, view, index or trigger of the migrated schema may use it.
     */
    @Test
    void noSchemaObjectUsesAnOrderedGroupConcat() throws Exception {
        try (Services services = TestServices.open(dir, TestClock.at(TestServices.START))) {
            services.contacts().add("dana@example.com", "Dana Whitfield", List.of("vip"), Actor.agent("tester"));
        }
        List<String> offending = new ArrayList<>();
        int objects = 0;
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("memberdesk.db"));
             Statement sql = raw.createStatement();
             ResultSet rows = sql.executeQuery("select type, name, sql from sqlite_master where sql is not null")) {
            while (rows.next()) {
                objects++;
                if (ORDERED_GROUP_CONCAT.matcher(rows.getString(3)).find()) {
                    offending.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
        }
        assertThat(objects).as("a migrated schema").isGreaterThan(10);
        assertThat(offending).as("need SQLite 3.44, Debian 12 has 3.40").isEmpty();
        assertThat(ORDERED_GROUP_CONCAT.matcher("select group_concat(t.tag, char(10) ORDER BY t.tag) from x").find())
                .as("the pattern itself").isTrue();
        assertThat(ORDERED_GROUP_CONCAT.matcher("select group_concat(tag, char(10)) from (select tag from x order by tag)")
                .find()).as("an ordered subquery is fine").isFalse();
    }

    /** {@code order by} inside the parentheses of a group_concat, with up to one level of nested calls. */
    private static final Pattern ORDERED_GROUP_CONCAT = Pattern.compile(
            "group_concat\\s*\\((?:[^()]|\\([^()]*\\))*?\\border\\s+by\\b", Pattern.CASE_INSENSITIVE);

    private String sqlite3(String script) throws IOException, InterruptedException {
        Path err = dir.resolve("sqlite3.err");
        Process process = new ProcessBuilder(SQLITE3.toString(), "-bail", dir.resolve("memberdesk.db").toString())
                .redirectError(err.toFile())
                .start();
        try (var in = process.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("sqlite3 %s failed: %s", version(), Files.readString(err)).isZero();
        return out;
    }

    private static String version() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(SQLITE3.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return out.strip();
    }
}
