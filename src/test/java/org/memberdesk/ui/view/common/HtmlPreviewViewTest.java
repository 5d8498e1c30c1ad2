package org.memberdesk.ui.view.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.testsupport.Await;
import org.testfx.api.FxToolkit;

/** The message preview never navigates: a followed link goes to the browser and the message stays. */
class HtmlPreviewViewTest {

    static final String MESSAGE = "<p>Hi,</p><p><a href=\"http://localhost:7321/reset/abc\">Choose a password</a></p>";

    final List<String> opened = new CopyOnWriteArrayList<>();
    HtmlPreview preview;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aFollowedLinkIsHandedOnAndTheMessageStays() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            preview = new HtmlPreview(opened::add);
            preview.show(MESSAGE);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(preview.node()), 400, 300));
            stage.show();
        });
        WebView web = (WebView) preview.node();
        Await.until(Duration.ofSeconds(20), () -> oneLinkShown(web),
                "the preview to show the message");

        FxToolkit.setupFixture(() -> web.getEngine().load("http://localhost:7321/reset/abc"));

        Await.until(Duration.ofSeconds(20), () -> !opened.isEmpty(), "the link to be handed to the browser");
        assertThat(opened).containsExactly("http://localhost:7321/reset/abc");
        Await.until(Duration.ofSeconds(20), () -> oneLinkShown(web),
                "the preview to keep showing the message");
        assertThat(web.getEngine().isJavaScriptEnabled()).isFalse();
    }

    private static boolean oneLinkShown(WebView web) {
        return web.getEngine().getDocument() != null
                && web.getEngine().getDocument().getElementsByTagName("a").getLength() == 1;
    }
}
