package org.memberdesk.ui.viewmodel.console;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.memberdesk.ui.common.Messages;

/**
 * Every keyboard shortcut of the console, in one place: Help → Keyboard shortcuts shows this list,
 * and the keys that work from every window are read from here by the windows that install them.
 * When a window gets a new shortcut, add one {@code add(...)} line here (keys in JavaFX notation,
 * "Shortcut" being Ctrl, or Cmd on a Mac) and its "shortcut.*" text in messages.properties.
 */
public final class Shortcuts {

    // The keys that work from every window of the app (main window, contact windows, Activity, Inbox, Workflows).
    public static final String SEARCH = "Shortcut+F";
    public static final String NEW_CONTACT = "Shortcut+N";
    public static final String INBOX = "Shortcut+I";
    public static final String ACTIVITY = "Shortcut+L";
    public static final String QUIT = "Shortcut+Q";
    /** Reads again what the window it is pressed in shows. */
    public static final String REFRESH = "F5";

    private static final List<String[]> ALL = new ArrayList<>();
    private static final Set<String> EVERY_WINDOW = new HashSet<>();

    static {
        everyWindow(SEARCH, "shortcut.search");
        add("Enter", "shortcut.open");
        add("Up", "shortcut.previous");
        add("Down", "shortcut.next");
        add("Esc", "shortcut.clear");
        everyWindow(INBOX, "shortcut.inbox");
        add("Shortcut+Shift+P", "shortcut.presenter");
        add("Shortcut+W", "shortcut.closeWindow");
        everyWindow(QUIT, "shortcut.quit");
        everyWindow(NEW_CONTACT, "shortcut.newContact");
        add("Shortcut+R", "shortcut.resend");
        add("Shortcut+Shift+R", "shortcut.resetLink");
        add("Shortcut+Shift+W", "shortcut.workflows");
        add("Shortcut+D", "shortcut.diagnose");
        add("Shortcut+O", "shortcut.import");
        everyWindow(ACTIVITY, "shortcut.activity");
        everyWindow(REFRESH, "shortcut.refresh");
    }

    private Shortcuts() {
    }

    private static void add(String keys, String messageKey) {
        ALL.add(new String[] {keys, messageKey});
    }

    private static void everyWindow(String keys, String messageKey) {
        add(keys, messageKey);
        EVERY_WINDOW.add(keys);
    }

    public static List<Shortcut> all(Messages messages) {
        return ALL.stream().map(entry -> new Shortcut(entry[0], messages.get(entry[1]))).toList();
    }

    /** Whether {@code keys} work from every window of the app rather than in one. */
    public static boolean everyWindow(String keys) {
        return EVERY_WINDOW.contains(keys);
    }
}
