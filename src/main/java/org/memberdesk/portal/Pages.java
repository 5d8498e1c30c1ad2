package org.memberdesk.portal;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal's server-rendered pages: Mustache templates (HTML-escaped by default) that extend one
 * layout, and the two stylesheets. Templates are compiled once and shared between threads.
 */
final class Pages {

    private static final String ROOT = "org/memberdesk/portal/";

    private final MustacheFactory factory = new DefaultMustacheFactory(ROOT + "templates");
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    /** Renders {@code templates/<name>.mustache} with a model of maps, lists, strings and booleans. */
    String render(String name, Map<String, Object> model) {
        Mustache mustache = compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache"));
        StringWriter out = new StringWriter();
        mustache.execute(out, model);
        return out.toString();
    }

    /** A file under {@code static/} as text. */
    static String staticText(String name) {
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(ROOT + "static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing portal resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
