package org.memberdesk.ui.view.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.stage.WindowHelper;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.testsupport.Await;
import org.memberdesk.ui.view.common.WindowFit.Box;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window placed with {@link SettledBounds} survives the platform's resize right after it shows
 * (here reported through JavaFX's own entry for native size changes, as the GTK window of JavaFX 21
 * does under openbox), and keeps a resize by code and any resize after.
 */
class SettledBoundsViewTest {

    private static final Box PLACED = new Box(40, 30, 700, 500);
    private Stage stage;

    @BeforeEach
    void showPlacedWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage window = new Stage();
            window.setScene(new Scene(new StackPane()));
            window.setX(PLACED.x());
            window.setY(PLACED.y());
            window.setWidth(PLACED.width());
            window.setHeight(PLACED.height());
            SettledBounds.hold(window, PLACED, Duration.millis(800));
            window.show();
            return window;
        }).get();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aResizeByThePlatformRightAfterShowingIsUndone() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> WindowHelper.notifySizeChanged(stage, 200, 200)).get();

        Await.until(java.time.Duration.ofSeconds(5),
                () -> stage.getWidth() == PLACED.width() && stage.getHeight() == PLACED.height(), "the placed size back");
    }

    @Test
    void aResizeByCodeIsKept() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(520)).get();
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getWidth()).isEqualTo(520);
    }

    @Test
    void aResizeByThePlatformOnceTheWindowHasSettledIsKept() throws Exception {
        Thread.sleep(1_500);
        WaitForAsyncUtils.asyncFx(() -> WindowHelper.notifySizeChanged(stage, 520, 400)).get();
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getWidth()).isEqualTo(520);
    }
}
