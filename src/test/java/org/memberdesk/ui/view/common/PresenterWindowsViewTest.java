package org.memberdesk.ui.view.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.view.common.WindowFit.Box;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In presenter mode a window opens larger, as its text is, and remembers its size apart from the
 * usual one: a Diagnose window opened for a demo does not clip, and the next normal one is not huge.
 */
class PresenterWindowsViewTest {

    private final Map<String, Box> remembered = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        Windows.useMemory(new WindowMemory() {
            @Override
            public Optional<Box> recall(String kind) {
                return Optional.ofNullable(remembered.get(kind));
            }

            @Override
            public void remember(String kind, Box bounds) {
                remembered.put(kind, bounds);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Stylesheets.setPresenter(false)).get();
        Windows.useMemory(WindowMemory.NONE);
        FxToolkit.cleanupStages();
    }

    @Test
    void aWindowOpensLargerInPresenterModeWithinTheScreen() throws Exception {
        Box screen = WaitForAsyncUtils.asyncFx(Windows::primaryScreen).get();
        double normal = WaitForAsyncUtils.asyncFx(() -> Windows.create(new StackPane(), 500, 300, "", null)
                .getScene().getWidth()).get();
        WaitForAsyncUtils.asyncFx(() -> Stylesheets.setPresenter(true)).get();
        double presenter = WaitForAsyncUtils.asyncFx(() -> Windows.create(new StackPane(), 500, 300, "", null)
                .getScene().getWidth()).get();
        double wide = WaitForAsyncUtils.asyncFx(() -> Windows.create(new StackPane(), 5000, 300, "", null)
                .getScene().getWidth()).get();

        assertThat(normal).isEqualTo(500);
        assertThat(presenter).isGreaterThan(640).isLessThan(645);
        assertThat(wide).isEqualTo(screen.width());
    }

    @Test
    void presenterModeRemembersItsOwnWindowSizes() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            closedAt(600, 400);
            Stylesheets.setPresenter(true);
            closedAt(900, 700);
        }).get();

        assertThat(WaitForAsyncUtils.asyncFx(() -> Windows.recall("diagnose").map(Box::width)).get()).contains(900.0);
        WaitForAsyncUtils.asyncFx(() -> Stylesheets.setPresenter(false)).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Windows.recall("diagnose").map(Box::width)).get()).contains(600.0);
    }

    /** A Diagnose window of that size closes (its size is remembered). */
    private static void closedAt(double width, double height) {
        Stage stage = new Stage();
        stage.setX(10);
        stage.setY(10);
        stage.setWidth(width);
        stage.setHeight(height);
        Windows.rememberSize("diagnose", stage);
    }
}
