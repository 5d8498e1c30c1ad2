package org.memberdesk.ui.view.common;

import java.util.Map;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.memberdesk.ui.viewmodel.console.Shortcuts;

/**
 * The keys that work from every working window of the console (the main window, contact windows,
 * Activity, Inbox (demo), Workflows, Diagnose), installed here and nowhere else. Their keys come from
 * Help → Keyboard shortcuts' own table ({@link Shortcuts}). The main window says what they do when it
 * opens ({@link #defineFor}); every other window registers with {@link #install}, and a key pressed
 * there does what the main window says at that moment (nothing when no main window is open).
 * Window-specific keys (Shortcut+R in a contact window, Shortcut+W) stay with their windows.
 */
public final class AppShortcuts {

    public static final KeyCombination SEARCH = KeyCombination.keyCombination(Shortcuts.SEARCH);
    public static final KeyCombination NEW_CONTACT = KeyCombination.keyCombination(Shortcuts.NEW_CONTACT);
    public static final KeyCombination INBOX = KeyCombination.keyCombination(Shortcuts.INBOX);
    public static final KeyCombination ACTIVITY = KeyCombination.keyCombination(Shortcuts.ACTIVITY);
    public static final KeyCombination QUIT = KeyCombination.keyCombination(Shortcuts.QUIT);
    /** Reads again what the window it is pressed in shows (View → Refresh in the main window). */
    public static final KeyCombination REFRESH = KeyCombination.keyCombination(Shortcuts.REFRESH);

    /**
     * What the app-wide keys do: search brings the main window forward with its search field ready;
     * the others are the main window's menu items (which know when they are available).
     */
    public record Actions(Runnable search, Runnable newContact, Runnable inbox, Runnable activity, Runnable quit) {

        static final Actions NONE = new Actions(() -> { }, () -> { }, () -> { }, () -> { }, () -> { });

        public Actions {
            Objects.requireNonNull(search);
            Objects.requireNonNull(newContact);
            Objects.requireNonNull(inbox);
            Objects.requireNonNull(activity);
            Objects.requireNonNull(quit);
        }

        private Map<KeyCombination, Runnable> byKey() {
            return Map.of(SEARCH, search, NEW_CONTACT, newContact, INBOX, inbox, ACTIVITY, activity, QUIT, quit);
        }
    }

    // Read and written on the FX thread only.
    private static Actions current = Actions.NONE;

    private AppShortcuts() {
    }

    /**
     * The main window's answer to the app-wide keys, until it hides. The main window's menu items carry
     * their own keys (and show them); the search key is put on its scene here.
     */
    public static void defineFor(Stage main, Actions actions) {
        current = Objects.requireNonNull(actions);
        main.getScene().getAccelerators().put(SEARCH, actions.search());
        main.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> {
            if (current == actions) {
                current = Actions.NONE;
            }
        });
    }

    /** In a secondary window: the app-wide keys, and F5 doing {@code refresh} (null: F5 does nothing there). */
    public static void install(Stage stage, Runnable refresh) {
        Scene scene = stage.getScene();
        for (KeyCombination key : Actions.NONE.byKey().keySet()) {
            scene.getAccelerators().put(key, () -> current.byKey().get(key).run());
        }
        if (refresh != null) {
            scene.getAccelerators().put(REFRESH, refresh);
        }
    }
}
