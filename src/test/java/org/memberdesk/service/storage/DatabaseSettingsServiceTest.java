package org.memberdesk.service.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.persistence.DatabaseTarget;
import org.memberdesk.service.UserError;
import org.memberdesk.service.storage.DatabaseSettingsService.Choice;
import org.memberdesk.service.storage.DatabaseSettingsService.ConnectionTest;
import org.memberdesk.testsupport.TestDatabases;

/** Settings → Database behind the dialog: the saved server in the data directory, and Test connection. */
class DatabaseSettingsServiceTest {

    private static final String PASSWORD = "team-Secret-4711";
    private static final String SERVER = "postgresql://desk@db.example.com/memberdesk";

    @TempDir
    Path dir;

    private DatabaseSettingsService settings(Map<String, String> env) {
        return new DatabaseSettingsService(new DataDirectory(dir), env);
    }

    @Test
    void aSavedServerIsReadBackWithItsPasswordEncryptedAndForgottenOnClear() throws IOException {
        DatabaseSettingsService settings = settings(Map.of());
        assertThat(settings.choice().savedUrl()).isEmpty();
        assertThat(settings.choice().inUse().shared()).isFalse();

        Choice saved = settings.saveServer(SERVER, Optional.of(PASSWORD), false);

        assertThat(saved.savedUrl()).contains(SERVER);
        assertThat(saved.passwordStored()).isTrue();
        assertThat(saved.inUse()).isEqualTo(new DatabaseSettingsService.InUse(true, "db.example.com:5432/memberdesk"));
        assertThat(new SavedDatabase(new DataDirectory(dir)).password()).contains(PASSWORD);
        assertThat(filesHolding(PASSWORD)).as("the password is nowhere in clear").isEmpty();
        assertThat(filesHolding("desk@db.example.com")).containsExactly(dir.resolve(ConsolePreferences.FILE));

        Choice kept = settings.saveServer(SERVER + "?connectTimeout=5", Optional.empty(), false);
        assertThat(kept.passwordStored()).as("an empty password keeps the saved one for the same server").isTrue();
        Choice moved = settings.saveServer("postgresql://desk@db2.example.com/memberdesk", Optional.empty(), false);
        assertThat(moved.passwordStored()).as("another server never gets the saved password").isFalse();

        Choice cleared = settings.useOwnDatabase();
        assertThat(cleared.savedUrl()).isEmpty();
        assertThat(cleared.passwordStored()).isFalse();
        assertThat(cleared.inUse()).isEqualTo(new DatabaseSettingsService.InUse(false,
                dir.resolve("memberdesk.db").toString()));
        assertThat(filesHolding("db2.example.com")).isEmpty();
        assertThat(filesHolding("aesgcm1:")).isEmpty();
    }

    @Test
    void aUrlCarryingAPasswordIsRefusedAndNothingIsSaved() throws IOException {
        DatabaseSettingsService settings = settings(Map.of());

        assertThatThrownBy(() -> settings.saveServer("postgresql://desk:s3cret@db.example.com/memberdesk",
                Optional.empty(), false))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("carries a password")
                .hasMessageNotContaining("s3cret");

        assertThat(settings.choice().savedUrl()).isEmpty();
        assertThat(filesHolding("s3cret")).isEmpty();
        assertThat(DatabaseSettingsService.urlProblem("postgresql://desk@db.example.com/memberdesk")).isEmpty();
        assertThat(DatabaseSettingsService.urlProblem("postgresql://desk:s3cret@db.example.com/memberdesk"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("carries a password"));
    }

    @Test
    void theEnvironmentWinsOverTheSavedServerWhichWinsOverSqlite() {
        DataDirectory directory = new DataDirectory(dir);
        assertThat(DatabaseChoice.of(directory, Map.of())).isEqualTo(DatabaseTarget.sqlite(directory.database()));
        assertThat(DatabaseChoice.sqlite(directory, Map.of())).isTrue();

        settings(Map.of()).saveServer(SERVER, Optional.of(PASSWORD), false);

        DatabaseTarget.Postgres saved = (DatabaseTarget.Postgres) DatabaseChoice.of(directory, Map.of());
        assertThat(saved.host()).isEqualTo("db.example.com");
        assertThat(saved.password()).contains(PASSWORD);
        assertThat(DatabaseChoice.sqlite(directory, Map.of())).isFalse();

        DatabaseTarget.Postgres savedWithEnvPassword = (DatabaseTarget.Postgres) DatabaseChoice.of(directory,
                Map.of(DatabaseChoice.PASSWORD_ENV, "from-env"));
        assertThat(savedWithEnvPassword.host()).isEqualTo("db.example.com");
        assertThat(savedWithEnvPassword.password()).contains("from-env");

        Map<String, String> env = Map.of(DatabaseChoice.URL_ENV, "postgresql://ops@team.example.org/desk");
        DatabaseTarget.Postgres fromEnv = (DatabaseTarget.Postgres) DatabaseChoice.of(directory, env);
        assertThat(fromEnv.host()).isEqualTo("team.example.org");
        assertThat(fromEnv.password()).as("the saved password belongs to the saved server").isEmpty();
        Choice shown = settings(env).choice();
        assertThat(shown.environmentUrl()).contains("postgresql://ops@team.example.org/desk");
        assertThat(shown.savedUrl()).contains(SERVER);
        assertThat(shown.inUse().where()).isEqualTo("team.example.org:5432/desk");
    }

    @Test
    void testingAClosedPortSaysInOneLineThatTheServerCannotBeReached() {
        ConnectionTest test = settings(Map.of()).test("postgresql://memberdesk@localhost:1/memberdesk", Optional.empty());

        assertThat(test.connected()).isFalse();
        assertThat(test.line()).contains("the PostgreSQL server localhost:1/memberdesk cannot be reached")
                .contains("connection refused")
                .doesNotContain("\n");
    }

    @Test
    void testingAUrlWithAPasswordRefusesItWithoutConnecting() {
        ConnectionTest test = settings(Map.of()).test("postgresql://desk:s3cret@localhost:1/memberdesk", Optional.empty());

        assertThat(test.connected()).isFalse();
        assertThat(test.line()).contains("carries a password").doesNotContain("s3cret");
    }

    @Test
    void testingTheTeamServerShowsItsVersion() {
        assumeTrue(TestDatabases.postgresql());
        ConnectionTest test = settings(Map.of()).test(TestDatabases.server().orElseThrow().shown(), Optional.empty());

        assertThat(test.connected()).as(test.line()).isTrue();
        assertThat(test.line()).contains("PostgreSQL");
    }

    @Test
    void testingAnUnknownUserOrDatabaseSaysWhichInOneLine() {
        assumeTrue(TestDatabases.postgresql());
        DatabaseTarget.Postgres server = TestDatabases.server().orElseThrow();
        String at = server.host() + ":" + server.port();

        ConnectionTest login = settings(Map.of()).test("postgresql://no_such_desk_role@" + at + "/" + server.database(),
                Optional.empty());
        assertThat(login.connected()).isFalse();
        assertThat(login.line()).contains("refused the login").contains("no_such_desk_role").doesNotContain("\n");

        String user = server.user().map(name -> name + "@").orElse("");
        ConnectionTest database = settings(Map.of()).test("postgresql://" + user + at + "/no_such_desk_database",
                Optional.empty());
        assertThat(database.connected()).isFalse();
        assertThat(database.line()).contains("has no database no_such_desk_database").doesNotContain("\n");
    }

    private List<Path> filesHolding(String text) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
