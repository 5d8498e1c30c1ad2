package org.memberdesk.ui.view.common;

import java.net.URL;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The console's own stylesheet and icon, on top of the AtlantaFX theme. */
public final class Stylesheets {

    private static final String APP_CSS = "/assets/css/memberdesk.css";
    private static final String APP_ICON = "/assets/icons/memberdesk-64.png";

    private Stylesheets() {
    }

    public static void apply(Scene scene) {
        URL css = Objects.requireNonNull(Stylesheets.class.getResource(APP_CSS), APP_CSS);
        scene.getStylesheets().add(css.toExternalForm());
    }

    public static void decorate(Stage stage) {
        URL icon = Stylesheets.class.getResource(APP_ICON);
        if (icon != null) {
            stage.getIcons().add(new Image(icon.toExternalForm()));
        }
    }
}
