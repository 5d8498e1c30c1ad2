package org.memberdesk.ui.common;

/** The desktop could not open an address: no browser, or the platform refused it. */
public final class LinkNotOpened extends RuntimeException {

    public LinkNotOpened(String url, Throwable cause) {
        super("Could not open " + url, cause);
    }
}
