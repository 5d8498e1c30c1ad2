package org.memberdesk.ui.view.common;

import java.util.Arrays;
import javafx.scene.Node;
import org.memberdesk.ui.viewmodel.Tone;

/** Style classes for a {@link Tone}; the colours come from the theme's looked-up colours in memberdesk.css. */
public final class ToneStyles {

    private static final String[] ALL = Arrays.stream(Tone.values()).map(ToneStyles::styleClass).toArray(String[]::new);

    private ToneStyles() {
    }

    public static String styleClass(Tone tone) {
        return "tone-" + tone.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Replaces whatever tone the node had. */
    public static void apply(Node node, Tone tone) {
        node.getStyleClass().removeAll(ALL);
        if (tone != null) {
            node.getStyleClass().add(styleClass(tone));
        }
    }
}
