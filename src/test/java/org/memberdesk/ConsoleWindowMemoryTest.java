package org.memberdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.storage.ConsolePreferences;
import org.memberdesk.service.storage.DataDirectory;
import org.memberdesk.ui.view.common.WindowFit.Box;

/** Window places in console.properties, beside the main window's own keys. */
class ConsoleWindowMemoryTest {

    @TempDir
    Path dir;

    @Test
    void readsEachKindOfWindowAndLeavesTheMainWindowsKeysAlone() {
        ConsolePreferences preferences = new ConsolePreferences(new DataDirectory(dir));
        // what a console that closed with its main window and one contact window open leaves behind
        preferences.putAll(Map.of("console.window.x", "77", "console.window.y", "58", "console.window.width", "800",
                "console.window.height", "600", "console.window.maximized", "false",
                "console.window.contact.x", "109", "console.window.contact.y", "90",
                "console.window.contact.width", "915", "console.window.contact.height", "678"));

        ConsoleWindowMemory memory = new ConsoleWindowMemory(preferences);

        assertThat(memory.recall("contact")).contains(new Box(109, 90, 915, 678));
        assertThat(memory.recall("")).isEmpty();
    }
}
