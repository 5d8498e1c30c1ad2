package org.memberdesk.ui.view.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The console's look on top of the AtlantaFX theme: our stylesheet (and Modena's colour names for
 * ControlsFX's controls), the app icon on every window,
 * light or dark (PrimerLight / PrimerDark) and presenter mode (larger text). Once
 * {@link #followAllWindows()} ran, every window that opens (dialogs and alerts too) gets all of it.
 */
public final class Stylesheets {

    /** On the root of every scene while presenter mode is on: memberdesk.css enlarges the text. */
    public static final String PRESENTER = "presenter";
    /** On the root of every scene while the dark theme shows. */
    public static final String DARK = "theme-dark";

    /** AtlantaFX's convention for the dark theme: the {@code :dark} pseudo-class on the root. */
    private static final PseudoClass DARK_STATE = PseudoClass.getPseudoClass("dark");
    /** Modena's looked-up colours, which ControlsFX's stylesheets use, named in AtlantaFX's colours. */
    private static final String CONTROLSFX_CSS = "/assets/css/controlsfx-atlantafx.css";
    private static final String APP_CSS = "/assets/css/memberdesk.css";
    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static final String ICON = "/assets/app-icon/memberdesk-%d.png";

    private static boolean presenter;
    private static boolean dark;
    private static boolean following;
    private static List<Image> icons;

    private Stylesheets() {
    }

    /** Our stylesheet and the current theme classes on a scene (idempotent). */
    public static void apply(Scene scene) {
        for (String sheet : List.of(CONTROLSFX_CSS, APP_CSS)) {
            URL css = Objects.requireNonNull(Stylesheets.class.getResource(sheet), sheet);
            String external = css.toExternalForm();
            if (!scene.getStylesheets().contains(external)) {
                scene.getStylesheets().add(external);
            }
        }
        style(scene.getRoot());
        WholeText.keep(scene);
        if (scene.getProperties().putIfAbsent(Stylesheets.class, Boolean.TRUE) == null) {
            scene.rootProperty().addListener((o, before, root) -> style(root));
        }
    }

    /** The app icon in every size the window manager may pick from. */
    public static void decorate(Stage stage) {
        if (stage.getIcons().isEmpty()) {
            stage.getIcons().setAll(icons());
        }
    }

    /** The app icon closest to {@code size} pixels. */
    public static Optional<Image> icon(int size) {
        URL url = Stylesheets.class.getResource(String.format(ICON, size));
        return url == null ? Optional.empty() : Optional.of(new Image(url.toExternalForm()));
    }

    private static synchronized List<Image> icons() {
        if (icons == null) {
            List<Image> loaded = new ArrayList<>();
            for (int size : ICON_SIZES) {
                icon(size).ifPresent(loaded::add);
            }
            icons = List.copyOf(loaded);
        }
        return icons;
    }

    /** Styles and decorates every window from now on, as it shows. Call once, on the FX thread. */
    public static void followAllWindows() {
        if (following) {
            return;
        }
        following = true;
        Window.getWindows().forEach(Stylesheets::follow);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(Stylesheets::follow);
            }
        });
    }

    private static void follow(Window window) {
        if (window.getScene() != null) {
            apply(window.getScene());
        }
        if (window.getProperties().putIfAbsent(Stylesheets.class, Boolean.TRUE) == null) {
            window.sceneProperty().addListener((o, before, scene) -> {
                if (scene != null) {
                    apply(scene);
                }
            });
        }
        if (window instanceof Stage stage) {
            decorate(stage);
        }
    }

    /** PrimerDark or PrimerLight for every window. */
    public static void setDark(boolean on) {
        dark = on;
        Application.setUserAgentStylesheet(on ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        restyleAll();
    }

    public static boolean isDark() {
        return dark;
    }

    /** Larger text in every window (and every window opened later). */
    public static void setPresenter(boolean on) {
        presenter = on;
        restyleAll();
    }

    /**
     * How much larger a window opens in presenter mode: its text grows from AtlantaFX's 14 px to the
     * 18 px of memberdesk.css, and so does everything sized in em.
     */
    public static double windowScale() {
        return presenter ? 18.0 / 14.0 : 1;
    }

    public static boolean isPresenter() {
        return presenter;
    }

    private static void restyleAll() {
        for (Window window : Window.getWindows()) {
            if (window.getScene() != null) {
                style(window.getScene().getRoot());
            }
        }
    }

    private static void style(Parent root) {
        if (root == null) {
            return;
        }
        toggle(root, PRESENTER, presenter);
        toggle(root, DARK, dark);
        root.pseudoClassStateChanged(DARK_STATE, dark);
    }

    private static void toggle(Parent root, String styleClass, boolean on) {
        if (on && !root.getStyleClass().contains(styleClass)) {
            root.getStyleClass().add(styleClass);
        } else if (!on) {
            root.getStyleClass().removeAll(styleClass);
        }
    }
}
