package org.memberdesk.service.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.memberdesk.persistence.OwnerOnly;

/**
 * Where a MemberDesk installation keeps its state: the SQLite file, logs and the demo mailbox.
 * {@code --data-dir} wins, then {@code MEMBERDESK_HOME}, then {@code ~/.memberdesk}. What MemberDesk
 * creates in it is owner-only, also inside a folder that others may read.
 */
public record DataDirectory(Path root) {

    public static final String ENV = "MEMBERDESK_HOME";

    /** The log file LogConfiguration writes (in {@link #logs()}). */
    public static final String LOG_FILE = "memberdesk.log";

    public static DataDirectory resolve(Path option) {
        if (option != null) {
            return new DataDirectory(option.toAbsolutePath().normalize());
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return new DataDirectory(Path.of(env).toAbsolutePath().normalize());
        }
        return new DataDirectory(Path.of(System.getProperty("user.home"), ".memberdesk"));
    }

    /** Creates the directory and its logs folder (owner-only where the file system supports it). */
    public DataDirectory ensureExists() {
        try {
            if (!Files.isDirectory(root)) {
                OwnerOnly.createDirectories(root);
            }
            prepareLogsOrFail();
            return this;
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("cannot create data directory " + root + ": "
                    + e.getFile() + " is a file, not a folder", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + root, e);
        }
    }

    /**
     * Makes the logs folder and log file owner-only before the logger opens them (it would create
     * them readable by everyone); best effort: a read-only data directory is reported by the database.
     */
    public void prepareLogs() {
        try {
            prepareLogsOrFail();
        } catch (IOException | RuntimeException e) {
            // the command itself will say what is wrong with the data directory
        }
    }

    private void prepareLogsOrFail() throws IOException {
        if (!Files.isDirectory(root)) {
            OwnerOnly.createDirectories(root);
        }
        if (!Files.isWritable(root)) {
            return;
        }
        OwnerOnly.createDirectories(logs());
        OwnerOnly.restrict(logs());
        Path log = logs().resolve(LOG_FILE);
        if (!Files.exists(log)) {
            try {
                OwnerOnly.createFile(log);
            } catch (FileAlreadyExistsException raced) {
                // the logger or another process made it
            }
        }
        OwnerOnly.restrictQuietly(log);
    }

    public Path database() {
        return root.resolve("memberdesk.db");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path demoMailbox() {
        return root.resolve("demo-mailbox");
    }
}
