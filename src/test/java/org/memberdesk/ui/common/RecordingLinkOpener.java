package org.memberdesk.ui.common;

import java.util.ArrayList;
import java.util.List;

/** Keeps the addresses it was asked to open. */
public final class RecordingLinkOpener implements LinkOpener {

    private final List<String> opened = new ArrayList<>();

    @Override
    public void open(String url) {
        opened.add(url);
    }

    public List<String> opened() {
        return opened;
    }
}
