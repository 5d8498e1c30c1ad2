package org.memberdesk.ui.common;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The JavaFX system clipboard. */
public final class FxTextClipboard implements TextClipboard {

    @Override
    public void putText(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public void clearIfStill(String text) {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasString() && text.equals(clipboard.getString())) {
            clipboard.clear();
        }
    }
}
