package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.storage.ConsolePreferences;
import org.memberdesk.service.storage.DataDirectory;

/** The CLI stamps the agent name the console saved (welcome, Settings); MEMBERDESK_AGENT wins for one command. */
class CliAgentNameTest {

    @TempDir
    Path dir;

    @Test
    void theNameSavedInTheConsoleIsStampedAndTheEnvironmentWins() {
        new ConsolePreferences(new DataDirectory(dir)).saveAgentName("Sam Rivera");
        CliRunner cli = new CliRunner(dir).withEnv(Map.of(CliContext.AGENT_ENV, " "));

        cli.run("contacts", "add", "--email", "ana@example.com", "--name", "Ana").succeeded();
        cli.withEnv(Map.of("MEMBERDESK_AGENT", "ci-bot"))
                .run("contacts", "add", "--email", "ben@example.com", "--name", "Ben").succeeded();

        assertThat(cli.run("activity", "--agent", "Sam Rivera", "--json").succeeded().json()).hasSize(1);
        assertThat(cli.run("activity", "--agent", "ci-bot", "--json").succeeded().json()).hasSize(1);
    }
}
