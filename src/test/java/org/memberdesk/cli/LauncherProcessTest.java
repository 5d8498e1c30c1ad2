package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real Launcher main in a child JVM: the exit code must come through System.exit. */
class LauncherProcessTest {

    record Outcome(int exitCode, String out, String err) {
    }

    @TempDir
    Path dir;

    @Test
    void launcherExitsWithTheCommandsCodeAndOneErrorLine() throws Exception {
        Path dataDir = dir.resolve("data");

        Outcome added = launch("--data-dir", dataDir.toString(), "contacts", "add",
                "--email", "jo@example.com", "--name", "Jo Doe");
        Outcome duplicate = launch("contacts", "add", "--email", "JO@example.com", "--name", "Jo Again",
                "--data-dir", dataDir.toString());

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).isEqualTo("added Jo Doe\tjo@example.com\n");
        assertThat(added.err()).isEmpty();
        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.out()).isEmpty();
        assertThat(duplicate.err()).isEqualTo("error: a contact with email jo@example.com already exists\n");
        assertThat(dataDir.resolve("logs").resolve("memberdesk.log")).as("the log goes to the data directory")
                .isNotEmptyFile();
    }

    @Test
    void launcherExitsWithTwoOnAUsageError() throws Exception {
        Outcome outcome = launch("--data-dir", dir.toString(), "offers", "grant", "--contact", "jo@example.com");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).startsWith("Missing required option: '--offer=N'");
    }

    private Outcome launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.memberdesk.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile());
        builder.environment().remove("MEMBERDESK_HOME");
        builder.environment().put("MEMBERDESK_AGENT", "launcher-test");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return new Outcome(process.exitValue(),
                Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
    }
}
