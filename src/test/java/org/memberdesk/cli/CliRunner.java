package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.service.storage.DatabaseChoice;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestDatabases;
import org.memberdesk.testsupport.TestServices;
import picocli.CommandLine;

/**
 * Runs the {@code memberdesk} command line in-process on a data directory, with stdout and stderr
 * captured. The console hook only records that it was asked for, so no JavaFX ever starts. The
 * environment the commands see is only what {@link #withEnv} gives (never the real one, so an
 * MEMBERDESK_SMTP_HOST of the machine running the tests cannot send mail); stdin is empty unless
 * {@link #withStdin} gives it.
 */
final class CliRunner {

    record Result(int exitCode, String out, String err) {

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Asserts a user error: exit 1, nothing on stdout, exactly one line on stderr. Returns that line. */
        String userError() {
            assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(1);
            assertThat(out).isEmpty();
            assertThat(err).endsWith("\n");
            assertThat(err.lines()).hasSize(1);
            return err.strip();
        }

        /** Asserts a usage error: exit 2, nothing on stdout, picocli's message (mostly with the usage) on stderr. */
        String usageError() {
            assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(2);
            assertThat(out).isEmpty();
            assertThat(err).isNotBlank();
            return err;
        }

        Result succeeded() {
            assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
            assertThat(err).isEmpty();
            return this;
        }
    }

    final Path dataDir;
    final List<DataDirectory> consoleRequests = new ArrayList<>();
    final List<Throwable> loggedFailures = new ArrayList<>();
    private Consumer<DataDirectory> console = consoleRequests::add;
    private final Map<String, String> env = new HashMap<>(Map.of(CliContext.AGENT_ENV, "cli-test"));
    private byte[] stdin = new byte[0];

    CliRunner(Path dataDir) {
        this.dataDir = dataDir;
    }

    CliRunner withConsole(Consumer<DataDirectory> console) {
        this.console = console;
        return this;
    }

    /** Adds environment variables (MEMBERDESK_SMTP_*, MEMBERDESK_PORTAL_URL, ...) for the commands and {@link #inDatabase}. */
    CliRunner withEnv(Map<String, String> variables) {
        env.putAll(variables);
        return this;
    }

    /**
     * Keeps the commands (and {@link #inDatabase}) on the data directory's SQLite file, also on a
     * PostgreSQL run: for what only SQLite has (backups, the source of {@code db copy}). An empty
     * MEMBERDESK_DATABASE_URL means none; {@code --database-url} still wins.
     */
    CliRunner onSqlite() {
        env.put(DatabaseChoice.URL_ENV, "");
        return this;
    }

    /** What the next commands read on standard input. */
    CliRunner withStdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Runs {@code memberdesk --data-dir <dataDir> args...}. */
    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        return runExactly(all.toArray(String[]::new));
    }

    /** Runs {@code memberdesk args...} with nothing added. */
    Result runExactly(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = new ByteArrayInputStream(stdin);
        CommandLine commandLine = MemberDeskCommand.commandLine(console, loggedFailures::add,
                TestDatabases.env(dataDirectoryOf(args), env), in);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** The data directory the arguments name (the last --data-dir wins, as in picocli), else this runner's. */
    private Path dataDirectoryOf(String... args) {
        Path named = dataDir;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                named = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--data-dir=")) {
                named = Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        return named;
    }

    /** Looks at the data directory through the services, as a second process would. */
    <T> T inDatabase(Function<Services, T> query) {
        try (Services services = TestServices.open(dataDir, TestClock.at(TestServices.START), env)) {
            return query.apply(services);
        }
    }

    /** Everything the commands under test can change, to prove a refused command changed nothing. */
    DatabaseState state() {
        return inDatabase(DatabaseState::of);
    }
}
