package org.memberdesk.ui.common;

import javafx.application.HostServices;

/** Opens links with the application's host services (the desktop's default browser). */
public final class FxLinkOpener implements LinkOpener {

    private final HostServices hostServices;

    public FxLinkOpener(HostServices hostServices) {
        this.hostServices = hostServices;
    }

    @Override
    public void open(String url) {
        hostServices.showDocument(url);
    }
}
