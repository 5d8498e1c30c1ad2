package org.memberdesk.ui.common;

/** The system clipboard, as far as view models need it: put plain text on it. Called on the UI thread. */
@FunctionalInterface
public interface TextClipboard {

    void putText(String text);

    /**
     * Empties the clipboard if it still holds {@code text}; whatever was copied since stays. This
     * default cannot read the clipboard and empties it in any case.
     */
    default void clearIfStill(String text) {
        putText("");
    }
}
