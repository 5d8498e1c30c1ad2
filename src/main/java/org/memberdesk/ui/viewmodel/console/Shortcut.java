package org.memberdesk.ui.viewmodel.console;

/**
 * One keyboard shortcut as Help → Keyboard shortcuts lists it: the key combination in JavaFX's
 * notation ("Shortcut+F": Ctrl on Linux and Windows, Cmd on macOS; "Enter") and what it does.
 */
public record Shortcut(String keys, String action) {
}
