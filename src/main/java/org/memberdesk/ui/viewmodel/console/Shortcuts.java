package org.memberdesk.ui.viewmodel.console;

import java.util.List;
import org.memberdesk.ui.common.Messages;

/**
 * Every keyboard shortcut of the console, in one place: Help → Keyboard shortcuts shows this list.
 * Add a line here (and its "shortcut.*" text in messages.properties) when a window gets a new one.
 */
public final class Shortcuts {

    /** Key combination and the message key of what it does. */
    private static final List<String[]> ALL = List.of(
            new String[] {"Shortcut+F", "shortcut.search"},
            new String[] {"Enter", "shortcut.open"},
            new String[] {"Up", "shortcut.previous"},
            new String[] {"Down", "shortcut.next"},
            new String[] {"Esc", "shortcut.clear"},
            new String[] {"Shortcut+I", "shortcut.inbox"},
            new String[] {"Shortcut+Shift+P", "shortcut.presenter"},
            new String[] {"Shortcut+W", "shortcut.closeWindow"}
            // issue 4 (contacts): Resend, Send Reset Link, New contact (Shortcut+N) below

            // issue 7 (diagnose, activity, import): Diagnose (Shortcut+D), Import (Shortcut+O), Activity (Shortcut+L) below

            // issue 6 (workflows) below
    );

    private Shortcuts() {
    }

    public static List<Shortcut> all(Messages messages) {
        return ALL.stream().map(entry -> new Shortcut(entry[0], messages.get(entry[1]))).toList();
    }
}
