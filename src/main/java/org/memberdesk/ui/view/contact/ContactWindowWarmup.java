package org.memberdesk.ui.view.contact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the first contact window while the agent is still typing: loads the classes it needs and
 * the WebKit library of its email preview on a background thread, so that building the window on the
 * UI thread does not wait for the disk, the class verifier and a 120 MB native library. Best effort:
 * whatever cannot be prepared here is loaded on first use, as without it.
 *
 * <p>{@code window-classes.txt} lists the classes of JavaFX, ControlsFX and our views that opening
 * a contact loads for the first time: the names a {@code -Xlog:class+load} log of
 * {@code memberdesk --open-probe dana} shows after {@code ContactView}. A name that no longer exists is
 * skipped.
 */
public final class ContactWindowWarmup {

    static final String CLASSES = "window-classes.txt";
    private static final String WEBKIT = "jfxwebkit";
    private static final Logger LOG = LoggerFactory.getLogger(ContactWindowWarmup.class);

    private ContactWindowWarmup() {
    }

    /** Starts the preparation on a daemon thread of low priority and returns it. */
    public static Thread start() {
        Thread thread = new Thread(ContactWindowWarmup::prepare, "memberdesk-window-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    private static void prepare() {
        long start = System.nanoTime();
        boolean webkit = loadWebKit();
        int classes = loadClasses(ContactWindowWarmup.class.getClassLoader());
        LOG.debug("contact window prepared in {} ms: {} classes, WebKit {}", (System.nanoTime() - start) / 1_000_000,
                classes, webkit ? "loaded" : "left for its first use");
    }

    /**
     * Loads the native library the email preview's first {@code WebView} would load on the UI thread.
     * JavaFX loads each library once; the preview's own request then finds it loaded.
     */
    static boolean loadWebKit() {
        try {
            Class.forName("com.sun.glass.utils.NativeLibLoader").getMethod("loadLibrary", String.class)
                    .invoke(null, WEBKIT);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notReachable) {
            LOG.debug("WebKit is loaded on first use", notReachable);
            return false;
        }
    }

    /** Loads (without initialising: their static parts run on first use, where they always ran) the listed classes. */
    static int loadClasses(ClassLoader loader) {
        int loaded = 0;
        for (String name : classNames()) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError gone) {
                // renamed or removed since the list was made: loaded when used, if at all
            }
        }
        return loaded;
    }

    static List<String> classNames() {
        try (InputStream in = ContactWindowWarmup.class.getResourceAsStream(CLASSES)) {
            if (in == null) {
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException unreadable) {
            return List.of();
        }
    }
}
