package org.memberdesk.ui.view.common;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * An email's HTML part, rendered as a mail program would: scripts off, no navigation inside the
 * preview. A click on a link is handed to {@code onLink} (the system browser) or, without one,
 * goes nowhere.
 */
public final class HtmlPreview {

    private final WebView web = new WebView();
    private final WebEngine engine = web.getEngine();
    private final Consumer<String> onLink;
    private String shown;

    public HtmlPreview(Consumer<String> onLink) {
        this.onLink = onLink;
        web.setContextMenuEnabled(false);
        web.getStyleClass().add("html-preview");
        engine.setJavaScriptEnabled(false);
        engine.locationProperty().addListener((o, before, now) -> {
            if (isLink(now)) {
                // Stay on the message: stop the navigation and show the message again.
                Platform.runLater(() -> {
                    engine.getLoadWorker().cancel();
                    engine.loadContent(shown == null ? "" : shown);
                });
                if (this.onLink != null) {
                    this.onLink.accept(now);
                }
            }
        });
    }

    /** Shows {@code html}; the same content again is left as it is (no flicker while a list refreshes). */
    public void show(String html) {
        String content = html == null ? "" : html;
        if (Objects.equals(content, shown)) {
            return;
        }
        shown = content;
        engine.loadContent(content);
    }

    public Node node() {
        return web;
    }

    private static boolean isLink(String location) {
        if (location == null) {
            return false;
        }
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("mailto:");
    }
}
