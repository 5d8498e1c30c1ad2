package org.memberdesk.ui.common;

import java.util.ArrayList;
import java.util.List;

/** Keeps what was put on the clipboard. */
public final class RecordingClipboard implements TextClipboard {

    private final List<String> texts = new ArrayList<>();

    @Override
    public void putText(String text) {
        texts.add(text);
    }

    public List<String> texts() {
        return texts;
    }

    /** The clipboard's content now, or null. */
    public String current() {
        return texts.isEmpty() ? null : texts.get(texts.size() - 1);
    }
}
