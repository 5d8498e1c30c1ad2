package org.memberdesk.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads the FXML of a view by convention: {@code FooView} uses {@code Foo.fxml} in the same package
 * (on the classpath), with the view object itself as controller and the console's messages as bundle.
 */
public final class ViewLoader {

    private static final String VIEW_SUFFIX = "View";

    private ViewLoader() {
    }

    public static Parent load(Object view, Messages messages) {
        URL fxml = fxmlOf(view.getClass());
        FXMLLoader loader = new FXMLLoader(fxml, messages.bundle());
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    static URL fxmlOf(Class<?> viewClass) {
        String name = viewClass.getSimpleName();
        if (name.endsWith(VIEW_SUFFIX)) {
            name = name.substring(0, name.length() - VIEW_SUFFIX.length());
        }
        URL fxml = viewClass.getResource(name + ".fxml");
        if (fxml == null) {
            throw new IllegalStateException("no " + name + ".fxml next to " + viewClass.getName());
        }
        return fxml;
    }
}
