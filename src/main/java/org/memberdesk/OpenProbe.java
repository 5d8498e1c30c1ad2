package org.memberdesk;

import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/**
 * {@code memberdesk --open-probe QUERY}: once the main window is interactive (as for
 * {@link StartupProbe}), types the query into the search field and presses Enter, as an agent does;
 * when the contact window that opens shows rows of its Email History, prints the milliseconds since
 * the JVM started and exits. The benchmark harness (B8) reads the line.
 */
public final class OpenProbe {

    public static final String PROPERTY = "memberdesk.openProbe";

    private final Scene main;
    private final BooleanSupplier interactive;
    private final String query;
    private final Runnable typeWhenInteractive = this::typeWhenInteractive;
    private boolean typed;
    private boolean shown;
    private boolean reported;

    private OpenProbe(Scene main, BooleanSupplier interactive, String query) {
        this.main = main;
        this.interactive = interactive;
        this.query = query;
    }

    /** The query to type, or null when the probe was not asked for. */
    public static String requested() {
        String query = System.getProperty(PROPERTY);
        return query == null || query.isEmpty() ? null : query;
    }

    /** Types {@code query} and presses Enter once {@code interactive} holds after a layout pulse of {@code main}. */
    public static void watch(Scene main, BooleanSupplier interactive, String query) {
        OpenProbe probe = new OpenProbe(main, interactive, query);
        main.addPostLayoutPulseListener(probe.typeWhenInteractive);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(probe::follow);
            }
        });
    }

    private void typeWhenInteractive() {
        if (typed || !interactive.getAsBoolean()) {
            return;
        }
        typed = true;
        StartupProbe.step("interactive, typing");
        Platform.runLater(() -> main.removePostLayoutPulseListener(typeWhenInteractive));
        Node search = main.lookup("#searchField");
        for (char c : query.toCharArray()) {
            Event.fireEvent(search, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED,
                    false, false, false, false));
        }
        Event.fireEvent(search, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER,
                false, false, false, false));
    }

    private void follow(Window window) {
        if (window.getScene() != null) {
            watchScene(window.getScene());
        } else {
            window.sceneProperty().addListener((o, before, scene) -> {
                if (scene != null) {
                    watchScene(scene);
                }
            });
        }
    }

    private void watchScene(Scene scene) {
        if (scene == main) {
            return;
        }
        StartupProbe.step("window made");
        scene.addPostLayoutPulseListener(() -> {
            if (!shown && scene.getWindow() != null && scene.getWindow().isShowing()) {
                shown = true;
                StartupProbe.step("window laid out");
            }
            if (!reported && showsEmailRows(scene)) {
                reported = true;
                StartupProbe.report();
                Platform.runLater(Platform::exit);
            }
        });
    }

    /** The Email History lists emails and a row of the table shows one, with no loading mask over it. */
    private static boolean showsEmailRows(Scene scene) {
        if (!(scene.lookup("#emailTable") instanceof TableView<?> table) || table.getItems().isEmpty()) {
            return false;
        }
        Node mask = scene.lookup("#firstLoadMask");
        if (mask != null && mask.isVisible()) {
            return false;
        }
        return table.lookupAll(".table-row-cell").stream()
                .anyMatch(node -> node instanceof TableRow<?> row && row.getItem() != null && row.isVisible());
    }
}
