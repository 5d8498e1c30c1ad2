package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.storage.DataDirectory;
import picocli.CommandLine;

class MemberDeskCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutASubcommandItOpensTheConsoleOnTheDataDirectory() {
        CliRunner cli = new CliRunner(dir);

        CliRunner.Result result = cli.run().succeeded();

        assertThat(result.out()).isEmpty();
        assertThat(cli.consoleRequests).containsExactly(new DataDirectory(dir.toAbsolutePath().normalize()));
    }

    @Test
    void withoutAnyOptionTheConsoleGetsTheDefaultDataDirectory() {
        CliRunner cli = new CliRunner(dir);

        cli.runExactly().succeeded();

        assertThat(cli.consoleRequests).containsExactly(DataDirectory.resolve(null));
    }

    @Test
    void theConsoleStartsFromTheRootCommandAloneAndEverythingElseGetsEveryCommand() {
        List<DataDirectory> opened = new ArrayList<>();
        String[] console = {"--data-dir", dir.toString()};
        CommandLine line = MemberDeskCommand.commandLine(console, (directory, env) -> opened.add(directory),
                failure -> { }, Map.of(), InputStream.nullInputStream());

        assertThat(line.getSubcommands()).isEmpty();
        assertThat(line.execute(console)).isZero();
        assertThat(opened).containsExactly(new DataDirectory(dir.toAbsolutePath().normalize()));

        for (List<String> args : List.of(List.of("contacts", "find", "x"), List.of("--help"), List.of("--version"),
                List.of("--data-dri", "x"), List.of("--data-dir"))) {
            CommandLine whole = MemberDeskCommand.commandLine(args.toArray(String[]::new),
                    (directory, env) -> opened.add(directory), failure -> { }, Map.of(), InputStream.nullInputStream());
            assertThat(whole.getSubcommands()).as(String.join(" ", args))
                    .containsKeys("contacts", "credentials", "db").hasSize(MemberDeskCommand.SUBCOMMANDS.size());
        }
        assertThat(opened).hasSize(1);
    }

    @Test
    void subcommandsNeverOpenTheConsole() {
        CliRunner cli = new CliRunner(dir);

        cli.run("contacts", "find", "x").succeeded();

        assertThat(cli.consoleRequests).isEmpty();
    }

    @Test
    void versionNamesTheProduct() {
        CliRunner.Result result = new CliRunner(dir).runExactly("--version").succeeded();

        assertThat(result.out()).matches("MemberDesk \\S+\n");
    }

    @Test
    void everyCommandHasHelp() {
        CliRunner.Result result = new CliRunner(dir).runExactly("offers", "grant", "--help").succeeded();

        assertThat(result.out()).startsWith("Usage: memberdesk offers grant").contains("--until=DATE");
    }

    @Test
    void dataDirWorksBeforeAndAfterTheSubcommand() {
        Path before = dir.resolve("before");
        Path after = dir.resolve("after");
        CliRunner cli = new CliRunner(dir);

        cli.runExactly("--data-dir", before.toString(), "contacts", "add", "--email", "a@example.com", "--name", "A")
                .succeeded();
        cli.runExactly("contacts", "add", "--email", "b@example.com", "--name", "B", "--data-dir", after.toString())
                .succeeded();

        List<ContactSummary> inBefore = new CliRunner(before).inDatabase(s -> s.contacts().find(""));
        List<ContactSummary> inAfter = new CliRunner(after).inDatabase(s -> s.contacts().find(""));
        assertThat(inBefore).extracting(ContactSummary::email).containsExactly("a@example.com");
        assertThat(inAfter).extracting(ContactSummary::email).containsExactly("b@example.com");
    }

    @Test
    void jsonWorksBeforeTheSubcommandToo() {
        CliRunner cli = new CliRunner(dir);

        assertThat(cli.run("--json", "contacts", "find", "x").succeeded().out()).isEqualTo("[]\n");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(new CliRunner(dir).run("contactz", "find", "x").usageError()).startsWith("Unmatched argument")
                .contains("Did you mean: memberdesk contacts"); // picocli may name other close commands too
    }

    @Test
    void aCommandGroupWithoutItsCommandIsAUsageError() {
        assertThat(new CliRunner(dir).run("offers").usageError())
                .startsWith("Missing required subcommand")
                .contains("Usage: memberdesk offers");
    }

    @Test
    void aDataDirThatIsAFileIsAUserError() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

        String error = new CliRunner(file).run("contacts", "find", "x").userError();

        assertThat(error).startsWith("error: cannot create data directory");
    }

    @Test
    void anUnexpectedFailureIsOneLineOnStderrWithTheStackTraceLoggedOnly() {
        IllegalStateException failure = new IllegalStateException("the display went away\n\tat somewhere");
        CliRunner cli = new CliRunner(dir).withConsole(d -> {
            throw failure;
        });

        String error = cli.run().userError();

        assertThat(error).startsWith("error: unexpected failure: the display went away at somewhere");
        assertThat(cli.loggedFailures).containsExactly(failure);
    }
}
