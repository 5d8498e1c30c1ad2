package org.memberdesk.ui.common;

/** Opens an address in the system browser, outside the console. */
@FunctionalInterface
public interface LinkOpener {

    /** @throws LinkNotOpened when this computer has no browser to open it or the browser refused it */
    void open(String url);
}
