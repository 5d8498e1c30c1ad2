package org.memberdesk.bench;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * B1's baseline: the least a JavaFX window can do, a text field with the focus over a list of 50
 * lines, started the same way as the app; prints the milliseconds from JVM start to its first
 * laid-out frame in the app's probe format and exits.
 */
public final class BareWindowProbe {

    private BareWindowProbe() {
    }

    /** A plain main (as the app's launcher has), so the JavaFX runtime checks treat both alike. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {

    private boolean reported;

    @Override
    public void start(Stage stage) {
        TextField search = new TextField();
        ListView<String> list = new ListView<>();
        for (int i = 1; i <= 50; i++) {
            list.getItems().add("Contact " + i);
        }
        Scene scene = new Scene(new VBox(search, list), 1000, 660);
        scene.addPostLayoutPulseListener(() -> {
            if (!reported && search.isFocused()) {
                reported = true;
                Instant start = ProcessHandle.current().info().startInstant().orElseThrow();
                System.out.println(StartupBench.PREFIX + " ms=" + Duration.between(start, Instant.now()).toMillis());
                System.out.flush();
                Platform.runLater(Platform::exit);
            }
        });
        stage.setScene(scene);
        stage.show();
        search.requestFocus();
    }
}
}
