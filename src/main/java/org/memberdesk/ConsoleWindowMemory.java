package org.memberdesk;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.memberdesk.service.storage.ConsolePreferences;
import org.memberdesk.ui.view.common.WindowFit.Box;
import org.memberdesk.ui.view.common.WindowMemory;
import org.slf4j.LoggerFactory;

/**
 * Where each kind of window was last closed, in console.properties as
 * {@code console.window.<kind>.x|y|width|height}: read once when the console starts, written in the
 * background when a window closes, so the FX thread never waits for the file.
 */
final class ConsoleWindowMemory implements WindowMemory {

    private static final String PREFIX = "console.window.";

    private final ConsolePreferences preferences;
    private final Map<String, Box> places = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "window-memory");
        thread.setDaemon(true);
        return thread;
    });

    ConsoleWindowMemory(ConsolePreferences preferences) {
        this.preferences = preferences;
        Map<String, String> values = preferences.load();
        // the main window's own keys (console.window.width, ...) have no kind: MainWindowPlacement reads them
        values.keySet().stream().filter(key -> key.startsWith(PREFIX) && key.endsWith(".width")
                        && key.length() > PREFIX.length() + ".width".length())
                .map(key -> key.substring(PREFIX.length(), key.length() - ".width".length()))
                .filter(kind -> !kind.isEmpty() && !kind.contains("."))
                .forEach(kind -> read(values, kind).ifPresent(box -> places.put(kind, box)));
    }

    @Override
    public Optional<Box> recall(String kind) {
        return Optional.ofNullable(places.get(kind));
    }

    @Override
    public void remember(String kind, Box bounds) {
        if (!(bounds.width() > 0) || !(bounds.height() > 0)) {
            return;
        }
        places.put(kind, bounds);
        Map<String, String> change = new HashMap<>();
        change.put(PREFIX + kind + ".x", number(bounds.x()));
        change.put(PREFIX + kind + ".y", number(bounds.y()));
        change.put(PREFIX + kind + ".width", number(bounds.width()));
        change.put(PREFIX + kind + ".height", number(bounds.height()));
        try {
            writer.execute(() -> {
                try {
                    preferences.putAll(change);
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(ConsoleWindowMemory.class).warn("could not remember where {} was", kind, e);
                }
            });
        } catch (RejectedExecutionException closed) {
            // the console has stopped: a window closed after it is not remembered
        }
    }

    /** Waits for the writes already asked for (at exit, before the data directory may go away). */
    void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Box> read(Map<String, String> values, String kind) {
        try {
            double x = Double.parseDouble(values.get(PREFIX + kind + ".x"));
            double y = Double.parseDouble(values.get(PREFIX + kind + ".y"));
            double width = Double.parseDouble(values.get(PREFIX + kind + ".width"));
            double height = Double.parseDouble(values.get(PREFIX + kind + ".height"));
            if (!Double.isFinite(x) || !Double.isFinite(y) || !(width > 0) || !(height > 0)
                    || !Double.isFinite(width) || !Double.isFinite(height)) {
                return Optional.empty();
            }
            return Optional.of(new Box(x, y, width, height));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
