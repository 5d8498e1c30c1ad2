package org.memberdesk.ui.view.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.controlsfx.control.MaskerPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The mask covers a window's first read only: a refresh never blanks what it shows. */
class FirstLoadMaskViewTest {

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void masksTheFirstLoadAndNoRefresh() throws Exception {
        FxToolkit.registerPrimaryStage();
        SimpleBooleanProperty loading = new SimpleBooleanProperty(true);
        StackPane[] root = new StackPane[1];
        FxToolkit.setupFixture(() -> {
            Stylesheets.setDark(false);
            root[0] = FirstLoadMask.over(new StackPane(new Label("Dana Whitfield")), loading, "Loading contact…");
            Stage stage = new Stage();
            Scene scene = new Scene(root[0], 400, 300);
            Stylesheets.apply(scene);
            stage.setScene(scene);
            stage.show();
        });
        MaskerPane mask = (MaskerPane) root[0].lookup("#" + FirstLoadMask.ID);
        assertThat(mask.isVisible()).isTrue();

        FxToolkit.setupFixture(() -> loading.set(false));
        assertThat(mask.isVisible()).isFalse();

        FxToolkit.setupFixture(() -> loading.set(true)); // a refresh
        assertThat(mask.isVisible()).isFalse();
    }
}
