package org.memberdesk.ui.common;

/** Opens an address in the system browser, outside the console. */
@FunctionalInterface
public interface LinkOpener {

    void open(String url);
}
