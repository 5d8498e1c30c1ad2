package org.memberdesk.service.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Actor;
import org.memberdesk.service.UserError;
import org.memberdesk.service.storage.DataDirectory;

class ConsolePreferencesTest {

    @TempDir
    Path dir;

    @Test
    void keepsEachPreferenceWhenAnotherChangesAndSurvivesANewInstance() throws Exception {
        ConsolePreferences preferences = new ConsolePreferences(new DataDirectory(dir));
        assertThat(preferences.load()).isEmpty();
        assertThat(preferences.agentName()).isEmpty();

        preferences.saveAgentName("  Zoë\tO'Brien ");
        preferences.put(ConsolePreferences.THEME, "dark");
        preferences.put(ConsolePreferences.PRESENTER, "true");
        preferences.put(ConsolePreferences.PRESENTER, null);

        ConsolePreferences again = new ConsolePreferences(new DataDirectory(dir));
        assertThat(again.load()).containsExactlyInAnyOrderEntriesOf(
                Map.of(ConsolePreferences.AGENT_NAME, "Zoë O'Brien", ConsolePreferences.THEME, "dark"));
        assertThat(again.agent(Map.of("MEMBERDESK_AGENT", "env-name"))).isEqualTo(Actor.agent("Zoë O'Brien"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(ConsolePreferences.FILE);
        }
    }

    @Test
    void withoutASavedNameTheEnvironmentThenTheOsUserIsTheAgent() {
        ConsolePreferences preferences = new ConsolePreferences(new DataDirectory(dir));

        assertThat(preferences.agent(Map.of("MEMBERDESK_AGENT", " desk-7 "))).isEqualTo(Actor.agent("desk-7"));
        assertThat(preferences.agent(Map.of())).isEqualTo(Actor.agent(System.getProperty("user.name")));
    }

    @Test
    void aNameMustBeGivenAndShort() {
        assertThatThrownBy(() -> ConsolePreferences.checkAgentName(" \n ")).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> ConsolePreferences.checkAgentName("x".repeat(81))).isInstanceOf(UserError.class);
        assertThat(ConsolePreferences.checkAgentName("x".repeat(80))).hasSize(80);
    }

    @Test
    void anUnreadableFileReadsAsNothingSaved() throws Exception {
        Files.writeString(dir.resolve(ConsolePreferences.FILE), "agent.name=\\u12");
        assertThat(new ConsolePreferences(new DataDirectory(dir)).load()).isEmpty();
    }

    @Test
    void theWindowPlacementRoundTripsBesideTheOtherPreferences() {
        ConsolePreferences preferences = new ConsolePreferences(new DataDirectory(dir));
        assertThat(preferences.window()).isEmpty();
        preferences.put(ConsolePreferences.THEME, "dark");

        preferences.saveWindow(new WindowPlacement(-1200, 40.5, 1100, 780, true));

        ConsolePreferences again = new ConsolePreferences(new DataDirectory(dir));
        assertThat(again.window()).contains(new WindowPlacement(-1200, 40.5, 1100, 780, true));
        assertThat(again.get(ConsolePreferences.THEME)).contains("dark");
        assertThat(again.get(ConsolePreferences.WINDOW_WIDTH)).contains("1100");
    }

    @Test
    void anUnusableWindowPlacementIsIgnored() {
        ConsolePreferences preferences = new ConsolePreferences(new DataDirectory(dir));
        preferences.saveWindow(new WindowPlacement(10, 20, 900, 700, false));

        preferences.put(ConsolePreferences.WINDOW_WIDTH, "wide");
        assertThat(preferences.window()).isEmpty();
        preferences.put(ConsolePreferences.WINDOW_WIDTH, "NaN");
        assertThat(preferences.window()).isEmpty();
        preferences.put(ConsolePreferences.WINDOW_WIDTH, "-5");
        assertThat(preferences.window()).isEmpty();
        preferences.put(ConsolePreferences.WINDOW_WIDTH, "900");
        preferences.put(ConsolePreferences.WINDOW_Y, null);
        assertThat(preferences.window()).isEmpty();
        preferences.put(ConsolePreferences.WINDOW_Y, " 20 ");
        preferences.put(ConsolePreferences.WINDOW_MAXIMIZED, "perhaps");
        assertThat(preferences.window()).contains(new WindowPlacement(10, 20, 900, 700, false));
    }
}
