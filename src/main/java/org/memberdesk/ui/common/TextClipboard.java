package org.memberdesk.ui.common;

/** The system clipboard, as far as view models need it: put plain text on it. Called on the UI thread. */
@FunctionalInterface
public interface TextClipboard {

    void putText(String text);
}
