package org.memberdesk.ui.view.common;

import static org.assertj.core.api.Assertions.assertThat;

import impl.org.controlsfx.skin.NotificationBar;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.common.FxTextClipboard;
import org.memberdesk.ui.common.LinkNotOpened;
import org.memberdesk.ui.common.LinkOpener;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.view.ShownNotices;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A link the desktop cannot open: the agent is told, and Copy link puts it on the clipboard. */
class NotifyingLinkOpenerViewTest {

    static final String LINK = "http://localhost:7321/reset/abc";

    final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aLinkThatDoesNotOpenIsOfferedForCopying() throws Exception {
        FxToolkit.registerPrimaryStage();
        Stage[] window = new Stage[1];
        FxToolkit.setupFixture(() -> {
            Stylesheets.setDark(false);
            window[0] = new Stage();
            Scene scene = new Scene(new StackPane(new Label("Inbox")), 640, 400);
            Stylesheets.apply(scene);
            window[0].setScene(scene);
            window[0].show();
            new FxTextClipboard().putText("something copied before");
        });
        LinkOpener noBrowser = url -> {
            throw new LinkNotOpened(url, null);
        };
        LinkOpener opener = new NotifyingLinkOpener(noBrowser, new FxTextClipboard(), Messages.load(),
                () -> window[0]);

        FxToolkit.setupFixture(() -> opener.open(LINK));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(ShownNotices.over(window[0])).containsExactly(
                "Could not open " + LINK + " in a browser on this computer.");
        List<NotificationBar> bars = ShownNotices.bars(window[0]);
        Button copy = robot.from(bars.get(0)).lookup(".button")
                .match((Button button) -> "Copy link".equals(button.getText())).queryButton();
        robot.clickOn(copy);

        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                .isEqualTo(LINK);
    }
}
