package org.memberdesk.ui.viewmodel.console;

/**
 * One keyboard shortcut as Help → Keyboard shortcuts lists it: the key combination in JavaFX's
 * notation ("Shortcut+F": Ctrl on Linux and Windows, Cmd on macOS; "Enter") and what it does.
 */
public record Shortcut(String keys, String action) {

    /** Works from every window of the app (Shortcut+F, Shortcut+N, F5, ...), not in one window only. */
    public boolean everyWindow() {
        return Shortcuts.everyWindow(keys);
    }
}
