package org.memberdesk.ui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.HostServices;

/**
 * Opens links with the application's host services (the desktop's default browser). Host services
 * say nothing when they fail (the error goes to stderr): on Linux, where the desktop needs a URL
 * handler such as xdg-open, a computer without one is told apart first.
 */
public final class FxLinkOpener implements LinkOpener {

    private static final List<String> LINUX_OPENERS = List.of("xdg-open", "gio", "gnome-open", "kde-open",
            "sensible-browser", "x-www-browser", "firefox", "chromium", "google-chrome");

    private final HostServices hostServices;

    public FxLinkOpener(HostServices hostServices) {
        this.hostServices = hostServices;
    }

    @Override
    public void open(String url) {
        if (!desktopOpensLinks()) {
            throw new LinkNotOpened(url, null);
        }
        try {
            hostServices.showDocument(url);
        } catch (RuntimeException e) {
            throw new LinkNotOpened(url, e);
        }
    }

    private static boolean desktopOpensLinks() {
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            return false; // headless: there is no desktop to hand the link to
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        return Optional.ofNullable(System.getenv("BROWSER")).filter(b -> !b.isBlank()).isPresent()
                || LINUX_OPENERS.stream().anyMatch(FxLinkOpener::onPath);
    }

    private static boolean onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
