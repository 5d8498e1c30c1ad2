package org.memberdesk.ui.viewmodel.console;

import java.util.ArrayList;
import java.util.List;
import org.memberdesk.ui.common.Messages;

/**
 * Every keyboard shortcut of the console, in one place: Help → Keyboard shortcuts shows this list.
 * When a window gets a new shortcut, add one {@code add(...)} line here (keys in JavaFX notation,
 * "Shortcut" being Ctrl, or Cmd on a Mac) and its "shortcut.*" text in messages.properties.
 */
public final class Shortcuts {

    private static final List<String[]> ALL = new ArrayList<>();

    static {
        add("Shortcut+F", "shortcut.search");
        add("Enter", "shortcut.open");
        add("Up", "shortcut.previous");
        add("Down", "shortcut.next");
        add("Esc", "shortcut.clear");
        add("Shortcut+I", "shortcut.inbox");
        add("Shortcut+Shift+P", "shortcut.presenter");
        add("Shortcut+W", "shortcut.closeWindow");
        add("Shortcut+Q", "shortcut.quit");
        add("Shortcut+N", "shortcut.newContact");
        add("Shortcut+R", "shortcut.resend");
        add("Shortcut+Shift+R", "shortcut.resetLink");
        add("Shortcut+Shift+W", "shortcut.workflows");
        add("Shortcut+D", "shortcut.diagnose");
        add("Shortcut+O", "shortcut.import");
        add("Shortcut+L", "shortcut.activity");
        add("F5", "shortcut.refresh");
    }

    private Shortcuts() {
    }

    private static void add(String keys, String messageKey) {
        ALL.add(new String[] {keys, messageKey});
    }

    public static List<Shortcut> all(Messages messages) {
        return ALL.stream().map(entry -> new Shortcut(entry[0], messages.get(entry[1]))).toList();
    }
}
