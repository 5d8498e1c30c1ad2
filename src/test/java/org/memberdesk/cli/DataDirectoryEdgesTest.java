package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.testsupport.ReadOnlyFolder;

/**
 * The data directory's edges, from the command line: each is one plain line on stderr and exit 1,
 * and nothing is made in place of a database that existed; whatever the app creates is owner-only.
 */
class DataDirectoryEdgesTest {

    @TempDir
    Path dir;
    Path data;
    CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        // A folder the user made, readable by everyone (umask 022).
        data = Files.createDirectory(dir.resolve("data"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        // What can go wrong with the SQLite file in a data directory: on SQLite also on a PostgreSQL run.
        cli = new CliRunner(data).onSqlite();
    }

    @Test
    void aReadOnlyDataDirectoryIsNamedInOneLine() throws Exception {
        cli.run("contacts", "add", "--email", "jo@example.com", "--name", "Jo Doe").succeeded();

        try (ReadOnlyFolder readOnly = ReadOnlyFolder.of(data)) {
            String add = cli.run("contacts", "add", "--email", "kim@example.com", "--name", "Kim").userError();
            String find = cli.run("contacts", "find", "jo").userError();

            for (String line : List.of(add, find)) {
                assertThat(line).startsWith("error: the data directory " + data + " is read-only")
                        .doesNotContain("unexpected", "insert", "SQLITE");
            }
        }
        assertThat(cli.run("contacts", "find", "kim").succeeded().out()).isEqualTo("no contact matches 'kim'\n");
    }

    @Test
    void aDeletedDatabaseIsRefusedAndNotMadeAgain() throws IOException {
        cli.run("contacts", "add", "--email", "jo@example.com", "--name", "Jo Doe").succeeded();
        for (String name : List.of("memberdesk.db", "memberdesk.db-wal", "memberdesk.db-shm")) {
            Files.deleteIfExists(data.resolve(name));
        }

        String line = cli.run("contacts", "find", "jo").userError();
        String again = cli.run("contacts", "add", "--email", "kim@example.com", "--name", "Kim").userError();

        assertThat(line).startsWith("error: the database " + data.resolve("memberdesk.db") + " is missing")
                .contains("db restore");
        assertThat(again).isEqualTo(line);
        assertThat(data.resolve("memberdesk.db")).doesNotExist();
    }

    @Test
    void anEmptiedDatabaseIsRefusedAndLeftAsItIs() throws IOException {
        cli.run("contacts", "add", "--email", "jo@example.com", "--name", "Jo Doe").succeeded();
        for (String name : List.of("memberdesk.db-wal", "memberdesk.db-shm")) {
            Files.deleteIfExists(data.resolve(name));
        }
        try (FileChannel file = FileChannel.open(data.resolve("memberdesk.db"), StandardOpenOption.WRITE)) {
            file.truncate(0);
        }

        String line = cli.run("contacts", "find", "jo").userError();

        assertThat(line).startsWith("error: the database " + data.resolve("memberdesk.db") + " is empty (0 bytes)");
        assertThat(data.resolve("memberdesk.db")).isEmptyFile();
    }

    @Test
    void aNewDataDirectoryStillGetsANewDatabase() {
        CliRunner fresh = new CliRunner(dir.resolve("new").resolve("data"));
        fresh.run("contacts", "add", "--email", "jo@example.com", "--name", "Jo Doe").succeeded();
        assertThat(fresh.run("contacts", "find", "jo").succeeded().out()).contains("jo@example.com");
    }

    @Test
    void whatTheAppCreatesInAnExistingOpenFolderIsOwnerOnly() throws IOException {
        cli.run("demo", "seed").succeeded();
        cli.run("credentials", "reset-link", "--contact", "dana.whitfield@example.com").succeeded();
        CliRunner.Result mail = cli.withStdin("s3cret-password\n").run("mail", "settings", "--host", "localhost",
                "--port", "2525", "--user", "desk", "--password-stdin");
        assertThat(mail.exitCode()).as(mail.err()).isZero();

        assertThat(data.resolve("demo-mailbox")).isDirectory();
        assertThat(data.resolve("secret.key")).isRegularFile();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path path : all.filter(p -> !p.equals(data)).toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                assertThat(mode).as(data.relativize(path).toString())
                        .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
            }
        }
        assertThat(data.resolve("memberdesk.db")).isRegularFile();
        assertThat(data.resolve("logs").resolve("memberdesk.log")).isRegularFile();
    }
}
