package org.memberdesk.ui.view.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    /** What a mail program assumes when a message sets no style of its own; the message's styles win. */
    private static final String BASE_STYLE = "data:text/css;charset=utf-8;base64," + Base64.getEncoder().encodeToString(
            ("body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 14px; "
                    + "line-height: 1.45; margin: 14px; color: #1f2328; }").getBytes(StandardCharsets.UTF_8));

    private final WebView web = new WebView();
    private final WebEngine engine = web.getEngine();
    private final Consumer<String> onLink;
    private String shown;

    public HtmlPreview(Consumer<String> onLink) {
        this.onLink = onLink;
        web.setContextMenuEnabled(false);
        web.getStyleClass().add("html-preview");
        engine.setJavaScriptEnabled(false);
        engine.setUserStyleSheetLocation(BASE_STYLE);
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
