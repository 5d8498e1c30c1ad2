package org.memberdesk.ui.view.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.action.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.view.ShownNotices;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * ControlsFX's controls (status bar, clearable search field, masker, notification) in a window with
 * the console's styles: their stylesheets find every Modena colour they look up, light and dark, so
 * JavaFX logs no CSS warning.
 */
class ControlsFxStylesViewTest {

    // JavaFX's CSS engine logs through the platform logger "javafx.css" (java.util.logging here).
    private static final Logger CSS_LOG = Logger.getLogger("javafx.css");

    final List<String> warnings = new CopyOnWriteArrayList<>();
    final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord entry) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(entry.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() throws Exception {
        FxToolkit.registerPrimaryStage();
        CSS_LOG.addHandler(recorder);
    }

    @AfterEach
    void close() throws Exception {
        CSS_LOG.removeHandler(recorder);
        FxToolkit.cleanupStages();
        FxToolkit.setupFixture(() -> Stylesheets.setDark(false));
    }

    @Test
    void lightThemeLogsNoCssLookupWarnings() throws Exception {
        showControls(false);

        assertThat(warnings).isEmpty();
    }

    @Test
    void darkThemeLogsNoCssLookupWarnings() throws Exception {
        showControls(true);

        assertThat(warnings).isEmpty();
    }

    private void showControls(boolean dark) throws Exception {
        Stage[] shown = new Stage[1];
        FxToolkit.setupFixture(() -> {
            Stylesheets.setDark(dark);
            Stylesheets.followAllWindows();
            StatusBar status = new StatusBar();
            status.setText("");
            status.getLeftItems().setAll(new Label("Data: /tmp"), new Separator(), new Hyperlink("Portal"));
            status.getRightItems().setAll(new ProgressBar(0.4), new Label("Outbox: 2 waiting"), new Label("3 contacts"));
            var search = org.controlsfx.control.textfield.TextFields.createClearableTextField();
            search.setText("dana");
            MaskerPane mask = new MaskerPane();
            mask.setText("Loading contact…");
            BorderPane content = new BorderPane();
            content.setTop(search);
            content.setBottom(status);
            Stage stage = new Stage();
            Scene scene = new Scene(new StackPane(content, mask), 640, 400);
            Stylesheets.apply(scene);
            stage.setScene(scene);
            stage.show();
            search.requestFocus();
            Notices.show(stage, "The welcome email was queued.", new Action("Copy link", event -> { }));
            shown[0] = stage;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ShownNotices.over(shown[0])).containsExactly("The welcome email was queued.");
        FxToolkit.setupFixture(() -> javafx.stage.Window.getWindows().forEach(window -> {
            window.getScene().getRoot().applyCss();
            window.getScene().getRoot().layout();
        }));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
