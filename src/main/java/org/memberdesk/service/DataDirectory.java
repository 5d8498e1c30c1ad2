package org.memberdesk.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where a MemberDesk installation keeps its state: the SQLite file, logs and the demo mailbox.
 * {@code --data-dir} wins, then {@code MEMBERDESK_HOME}, then {@code ~/.memberdesk}.
 */
public record DataDirectory(Path root) {

    public static final String ENV = "MEMBERDESK_HOME";

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

    /** Creates the directory (owner-only where the file system supports it). */
    public DataDirectory ensureExists() {
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
                }
            }
            Files.createDirectories(logs());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + root, e);
        }
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
