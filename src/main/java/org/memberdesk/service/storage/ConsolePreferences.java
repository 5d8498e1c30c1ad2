package org.memberdesk.service.storage;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.memberdesk.persistence.OwnerOnly;
import org.memberdesk.service.Actor;
import org.memberdesk.service.UserError;
import org.memberdesk.service.storage.DataDirectory;

/**
 * What this computer's console remembers in its data directory, outside the database so it can be
 * read before the database opens: the agent's name, the theme, presenter mode and where the main
 * window was. A small
 * {@code console.properties} file, written whole and moved into place, so a crash never leaves half of it.
 */
public final class ConsolePreferences {

    public static final String FILE = "console.properties";
    public static final String AGENT_NAME = "agent.name";
    public static final String THEME = "console.theme";
    public static final String PRESENTER = "console.presenter";
    public static final String WINDOW_X = "console.window.x";
    public static final String WINDOW_Y = "console.window.y";
    public static final String WINDOW_WIDTH = "console.window.width";
    public static final String WINDOW_HEIGHT = "console.window.height";
    public static final String WINDOW_MAXIMIZED = "console.window.maximized";
    public static final int MAX_AGENT_NAME = 80;

    private final Path file;

    public ConsolePreferences(DataDirectory directory) {
        this.file = directory.root().resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** Every stored preference; empty when nothing was saved yet (or the file is unreadable). */
    public synchronized Map<String, String> load() {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException missing) {
            return Map.of();
        } catch (IOException | IllegalArgumentException e) {
            return Map.of();
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(load().get(key));
    }

    /** Stores one preference (null removes it), keeping the others. */
    public void put(String key, String value) {
        Map<String, String> change = new HashMap<>();
        change.put(key, value);
        putAll(change);
    }

    /** Stores several preferences in one write (a null value removes its key), keeping the others. */
    public synchronized void putAll(Map<String, String> change) {
        Map<String, String> values = new TreeMap<>(load());
        change.forEach((key, value) -> {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
        });
        Properties properties = new Properties();
        properties.putAll(values);
        try {
            OwnerOnly.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            OwnerOnly.restrict(temp);
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(out, "MemberDesk console preferences");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }

    /** Where the main window was last closed; empty when not saved or any value is unusable. */
    public Optional<WindowPlacement> window() {
        Map<String, String> values = load();
        try {
            double x = finite(values.get(WINDOW_X));
            double y = finite(values.get(WINDOW_Y));
            double width = finite(values.get(WINDOW_WIDTH));
            double height = finite(values.get(WINDOW_HEIGHT));
            if (width <= 0 || height <= 0) {
                return Optional.empty();
            }
            return Optional.of(new WindowPlacement(x, y, width, height,
                    Boolean.parseBoolean(values.get(WINDOW_MAXIMIZED))));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Remembers where the main window is, in one write. */
    public void saveWindow(WindowPlacement placement) {
        putAll(Map.of(WINDOW_X, number(placement.x()), WINDOW_Y, number(placement.y()),
                WINDOW_WIDTH, number(placement.width()), WINDOW_HEIGHT, number(placement.height()),
                WINDOW_MAXIMIZED, Boolean.toString(placement.maximized())));
    }

    private static double finite(String text) {
        double value = Double.parseDouble(text.strip());
        if (!Double.isFinite(value)) {
            throw new NumberFormatException(text);
        }
        return value;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The agent name saved on first start or in Settings, if any. */
    public Optional<String> agentName() {
        return get(AGENT_NAME).map(String::strip).filter(name -> !name.isEmpty());
    }

    /** Checks and saves the agent name; returns it as stored. */
    public String saveAgentName(String raw) {
        String name = checkAgentName(raw);
        put(AGENT_NAME, name);
        return name;
    }

    /** The agent name as stored: trimmed, without control characters, 1 to 80 characters. */
    public static String checkAgentName(String raw) {
        String name = raw == null ? "" : raw.replaceAll("\\p{Cntrl}", " ").strip();
        if (name.isEmpty()) {
            throw new UserError("enter your name: it is recorded with everything you do");
        }
        if (name.length() > MAX_AGENT_NAME) {
            throw new UserError("the name is too long (at most " + MAX_AGENT_NAME + " characters)");
        }
        return name;
    }

    /**
     * The agent of this data directory: the saved name, else MEMBERDESK_AGENT, else the OS user.
     * (The command line lets MEMBERDESK_AGENT win for one command.)
     */
    public Actor agent(Map<String, String> env) {
        return Actor.agent(agentName().orElseGet(() -> defaultAgentName(env)));
    }

    /** MEMBERDESK_AGENT, else the OS user: what the first-run welcome suggests. */
    public static String defaultAgentName(Map<String, String> env) {
        String name = env.get("MEMBERDESK_AGENT");
        if (name == null || name.isBlank()) {
            name = System.getProperty("user.name", "agent");
        }
        return name == null || name.isBlank() ? "agent" : name.strip();
    }
}
