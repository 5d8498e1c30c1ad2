package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.persistence.DatabaseTarget;
import org.memberdesk.service.storage.DatabaseChoice;
import org.memberdesk.testsupport.TestDatabases;

/**
 * Team mode on the command line: {@code --database-url}, {@code db info}, {@code db copy} from a
 * desk's SQLite file into an empty PostgreSQL database, and a server that cannot be reached. The
 * tests that need a PostgreSQL server run on the PostgreSQL run of the suite only.
 */
class TeamModeCommandTest {

    private static final String DANA = "dana.whitfield@example.com";
    /** Nothing listens on port 1: a server that cannot be reached, without waiting for a timeout. */
    private static final String UNREACHABLE = "postgresql://memberdesk@localhost:1/memberdesk";
    private static final String PASSWORD_REFUSED = "error: the database URL carries a password: refused, as it would"
            + " show in process lists and logs; leave it out of the URL and give it in MEMBERDESK_DATABASE_PASSWORD"
            + " or store it in the console (Settings → Database)";

    @TempDir
    Path dir;

    @Test
    void aDatabaseUrlWithAPasswordIsRefusedAndNothingIsWritten() {
        CliRunner cli = new CliRunner(dir.resolve("data"));

        CliRunner.Result result = cli.run("--database-url", "postgresql://memberdesk:s3cret@localhost:5432/memberdesk",
                "contacts", "add", "--email", "jo@example.com", "--name", "Jo");

        assertThat(result.userError()).isEqualTo(PASSWORD_REFUSED).doesNotContain("s3cret");
        assertThat(dir.resolve("data").resolve("memberdesk.db")).doesNotExist();
        assertThat(cli.loggedFailures).isEmpty();
    }

    @Test
    void anUnreachableServerIsOneLineAndExitOneForEveryKindOfCommand() {
        CliRunner cli = new CliRunner(dir.resolve("data"));

        List<String> lines = new ArrayList<>();
        for (List<String> command : List.of(List.of("contacts", "find", "dana"), List.of("db", "info"),
                List.of("demo", "seed"), List.of("outbox", "run"), List.of("workflows", "list"))) {
            List<String> args = new ArrayList<>(List.of("--database-url", UNREACHABLE));
            args.addAll(command);
            lines.add(cli.run(args.toArray(String[]::new)).userError());
        }

        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("error: Database unreachable: the PostgreSQL"
                + " server localhost:1/memberdesk cannot be reached (").endsWith("; nothing was saved; check that it"
                + " runs and that this machine may connect"));
        assertThat(cli.loggedFailures).isEmpty();
        assertThat(dir.resolve("data").resolve("memberdesk.db")).doesNotExist();
    }

    @Test
    void dbInfoOnSqliteNamesTheFileTheLibraryTheSchemaAndTheContacts() throws Exception {
        CliRunner cli = new CliRunner(dir).onSqlite();
        cli.run("contacts", "add", "--email", "jo@example.com", "--name", "Jo").succeeded();
        cli.run("contacts", "add", "--email", "kim@example.com", "--name", "Kim").succeeded();
        Path file = dir.resolve("memberdesk.db");

        JsonNode info = cli.run("db", "info", "--json").succeeded().json();
        String plain = cli.run("db", "info").succeeded().out();

        String schema;
        String library;
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = sqlite.createStatement()) {
            schema = single(sql, "select max(cast(version as integer)) from flyway_schema_history where success");
            library = "SQLite " + single(sql, "select sqlite_version()");
        }
        assertThat(ContactsCommandTest.fieldNames(info))
                .containsExactly("engine", "database", "serverVersion", "schemaVersion", "contacts");
        assertThat(info.get("engine").asText()).isEqualTo("sqlite");
        assertThat(info.get("database").asText()).isEqualTo(file.toString());
        assertThat(info.get("serverVersion").asText()).isEqualTo(library);
        assertThat(info.get("schemaVersion").asText()).isEqualTo(schema);
        assertThat(info.get("contacts").asLong()).isEqualTo(2);
        assertThat(plain).isEqualTo("database: " + file + " (SQLite)\nversion:  " + library + "\nschema:   " + schema
                + "\ncontacts: 2\n");
    }

    @Test
    void dbInfoOnPostgresqlNamesTheServerWithoutThePassword() {
        assumeTrue(TestDatabases.postgresql(), "needs a PostgreSQL server (-Dmemberdesk.test.database=…)");
        String url = TestDatabases.newDatabaseUrl();
        CliRunner cli = new CliRunner(dir).withEnv(Map.of(DatabaseChoice.PASSWORD_ENV, "pw-never-shown"));
        cli.run("--database-url", url, "contacts", "add", "--email", "jo@example.com", "--name", "Jo").succeeded();

        CliRunner.Result result = cli.run("--database-url", url, "db", "info", "--json").succeeded();

        JsonNode info = result.json();
        assertThat(info.get("engine").asText()).isEqualTo("postgresql");
        assertThat(info.get("database").asText()).isEqualTo(DatabaseTarget.postgres(url, Optional.empty()).shown());
        assertThat(info.get("serverVersion").asText()).startsWith("PostgreSQL ");
        assertThat(info.get("schemaVersion").asText()).matches("\\d+");
        assertThat(info.get("contacts").asLong()).isEqualTo(1);
        assertThat(result.out()).doesNotContain("pw-never-shown");
        assertThat(dir.resolve("memberdesk.db")).doesNotExist();
    }

    @Test
    void dbCopyMovesADemoDeskToAnEmptyPostgresqlDatabaseWithEqualCounts() throws Exception {
        assumeTrue(TestDatabases.postgresql(), "needs a PostgreSQL server (-Dmemberdesk.test.database=…)");
        CliRunner desk = new CliRunner(dir).onSqlite();
        desk.run("demo", "seed").succeeded();
        // Rows in the tables a fresh demo leaves empty: a grant's trigger, workflow run and steps, audit,
        // a resent welcome (which refers to the email it repeats), a reset link.
        desk.run("contacts", "add", "--email", "new.member@example.com", "--name", "New Member").succeeded();
        desk.run("offers", "grant", "--contact", "new.member@example.com", "--offer", "Momentum Membership",
                "--no-send").succeeded();
        desk.run("credentials", "resend", "--contact", DANA, "--offer", "Momentum Membership", "--no-send").succeeded();
        desk.run("credentials", "reset-link", "--contact", DANA, "--no-send").succeeded();
        JsonNode danasEmails = desk.run("emails", "list", "--contact", DANA, "--json").succeeded().json();
        assertThat(danasEmails.findValues("resendOfId")).anySatisfy(id -> assertThat(id.isNull()).isFalse());
        String target = TestDatabases.newDatabaseUrl();

        JsonNode copy = desk.run("db", "copy", "--to", target, "--json").succeeded().json();

        assertThat(copy.get("to").asText()).isEqualTo(DatabaseTarget.postgres(target, Optional.empty()).shown());
        Map<String, Long> sqliteCounts = sqliteCounts(dir.resolve("memberdesk.db"));
        List<String> tables = new ArrayList<>();
        long rows = 0;
        for (JsonNode table : copy.get("tables")) {
            String name = table.get("table").asText();
            tables.add(name);
            assertThat(table.get("source").asLong()).as(name).isEqualTo(sqliteCounts.get(name));
            assertThat(table.get("target").asLong()).as(name).isEqualTo(sqliteCounts.get(name));
            rows += table.get("target").asLong();
        }
        assertThat(tables).containsExactlyInAnyOrderElementsOf(sqliteCounts.keySet());
        assertThat(copy.get("rows").asLong()).isEqualTo(rows);
        assertThat(sqliteCounts).allSatisfy((table, count) -> {
            if (List.of("contact", "contact_tag", "offer_grant", "email_message", "credential_token", "audit_event",
                    "trigger_event", "workflow", "workflow_run", "workflow_step", "app_setting").contains(table)) {
                assertThat(count).as(table).isPositive();
            }
        });
        for (List<String> query : List.of(List.of("contacts", "find", "dana", "--json"),
                List.of("emails", "list", "--contact", DANA, "--json"), List.of("workflows", "list", "--json"),
                List.of("activity", "--json"))) {
            String onSqlite = desk.run(query.toArray(String[]::new)).succeeded().out();
            List<String> onServer = new ArrayList<>(List.of("--database-url", target));
            onServer.addAll(query);
            assertThat(desk.run(onServer.toArray(String[]::new)).succeeded().out()).as(query.toString())
                    .isEqualTo(onSqlite);
        }
        assertThat(changeLog(target)).as("one entry for the whole copy").containsExactly("everything");
    }

    @Test
    void dbCopyRefusesATargetThatIsNotEmptyAndChangesNothing() {
        assumeTrue(TestDatabases.postgresql(), "needs a PostgreSQL server (-Dmemberdesk.test.database=…)");
        CliRunner desk = new CliRunner(dir).onSqlite();
        desk.run("contacts", "add", "--email", "jo@example.com", "--name", "Jo").succeeded();
        String target = TestDatabases.newDatabaseUrl();
        CliRunner team = new CliRunner(dir.resolve("team"));
        team.run("--database-url", target, "contacts", "add", "--email", "kim@example.com", "--name", "Kim")
                .succeeded();
        String before = team.run("--database-url", target, "db", "info", "--json").succeeded().out();

        String line = desk.run("db", "copy", "--to", target).userError();

        assertThat(line).startsWith("error: the database at " + DatabaseTarget.postgres(target, Optional.empty()).shown()
                + " is not empty: ").contains("1 contact").endsWith("; copy only into a new one");
        assertThat(team.run("--database-url", target, "db", "info", "--json").succeeded().out()).isEqualTo(before);
        assertThat(team.run("--database-url", target, "contacts", "find", "jo", "--json").succeeded().out())
                .isEqualTo("[]\n");
    }

    @Test
    void dbCopyRefusesAUrlItCannotUseAndADeskAlreadyOnPostgresql() {
        CliRunner desk = new CliRunner(dir).onSqlite();
        desk.run("contacts", "add", "--email", "jo@example.com", "--name", "Jo").succeeded();

        assertThat(desk.run("db", "copy", "--to", "mysql://memberdesk:s3cret@localhost/memberdesk").userError())
                .isEqualTo("error: not a PostgreSQL URL (it starts with mysql://): write"
                        + " postgresql://USER@HOST:PORT/DATABASE");
        assertThat(desk.run("db", "copy", "--to", "postgresql://memberdesk:s3cret@localhost/memberdesk").userError())
                .isEqualTo(PASSWORD_REFUSED);
        assertThat(desk.run("db", "copy", "--to", UNREACHABLE).userError())
                .startsWith("error: Database unreachable: the PostgreSQL server localhost:1/memberdesk cannot be reached");
        assertThat(desk.run("--database-url", UNREACHABLE, "db", "copy", "--to", "postgresql://memberdesk@localhost/x")
                .userError()).isEqualTo("error: this desk already works on PostgreSQL (" + UNREACHABLE + "): db copy"
                        + " copies a data directory's SQLite database; run it without --database-url and"
                        + " MEMBERDESK_DATABASE_URL");
        assertThat(desk.loggedFailures).isEmpty();
    }

    @Test
    void backupAndRestoreOnPostgresqlAreRefusedNamingPgDump() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("data"));
        Path backup = dir.resolve("desk.backup");
        Files.writeString(dir.resolve("old.backup"), "not used");

        String backupLine = cli.run("--database-url", UNREACHABLE, "db", "backup", "--to", backup.toString())
                .userError();
        String restoreLine = cli.run("--database-url", UNREACHABLE, "db", "restore", "--from",
                dir.resolve("old.backup").toString()).userError();

        assertThat(backupLine).isEqualTo("error: db backup copies a data directory's SQLite file, but this desk works"
                + " on PostgreSQL (" + UNREACHABLE + "): back that database up with pg_dump where the server runs,"
                + " e.g. pg_dump -Fc -f FILE memberdesk");
        assertThat(restoreLine).isEqualTo("error: db restore puts a backup into a data directory's SQLite file, but"
                + " this desk works on PostgreSQL (" + UNREACHABLE + "): restore a pg_dump backup there with pg_restore,"
                + " e.g. pg_restore -d memberdesk FILE; nothing was changed");
        assertThat(backup).doesNotExist();
        assertThat(dir.resolve("data").resolve("memberdesk.db")).doesNotExist();
    }

    private static Map<String, Long> sqliteCounts(Path file) throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = sqlite.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select name from sqlite_master where type = 'table'"
                    + " and name not like 'sqlite%' and name not like 'contact_fts%' and name not in"
                    + " ('flyway_schema_history', 'change_log', 'change_pause', 'contact_search',"
                    + " 'contact_search_bulk', 'contact_search_dirty')")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                counts.put(table, Long.parseLong(single(sql, "select count(*) from " + table)));
            }
        }
        return counts;
    }

    private static List<String> changeLog(String url) throws Exception {
        List<String> kinds = new ArrayList<>();
        try (Connection server = DatabaseTarget.postgres(url, Optional.empty()).connect("MemberDesk tests");
             Statement sql = server.createStatement();
             ResultSet rows = sql.executeQuery("select kind from change_log order by seq")) {
            while (rows.next()) {
                kinds.add(rows.getString(1));
            }
        }
        return kinds;
    }

    private static String single(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
