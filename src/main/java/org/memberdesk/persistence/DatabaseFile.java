package org.memberdesk.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SQLite file of a data directory and what surrounds it: its journal files, and a marker that
 * a database was created here. A database that existed and vanished (deleted, moved, emptied to
 * 0 bytes) is refused rather than silently made again, empty: an agent would otherwise see a desk
 * without contacts and start over, and the next backup would save nothing.
 */
public final class DatabaseFile {

    /** Written next to the database once it is created; its text says what it is for. */
    public static final String MARKER_SUFFIX = ".created";

    private final Path file;

    public DatabaseFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    public Path directory() {
        return file.getParent();
    }

    public Path marker() {
        return file.resolveSibling(file.getFileName() + MARKER_SUFFIX);
    }

    public Path wal() {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    public Path shm() {
        return file.resolveSibling(file.getFileName() + "-shm");
    }

    /** The database, its write-ahead log and shared memory file, and the marker. */
    public List<Path> all() {
        return List.of(file, wal(), shm(), file.resolveSibling(file.getFileName() + "-journal"), marker());
    }

    /** True when the file holds a database (anything but missing or 0 bytes). */
    public boolean holdsData() {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Checks that the database can be opened for writing, and creates an owner-only empty file for a
     * new one (SQLite gives its -wal and -shm files the mode of the database file).
     */
    void prepare() {
        Path dir = directory();
        try {
            if (!Files.exists(dir)) {
                OwnerOnly.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new StorageProblem("cannot create the data directory " + dir + ": " + reason(e), e);
        }
        if (!Files.isDirectory(dir)) {
            throw new StorageProblem("the data directory " + dir + " is not a folder: choose another data directory");
        }
        boolean created = Files.exists(marker());
        if (!Files.exists(file)) {
            if (created) {
                throw new StorageProblem("the database " + file + " is missing: a MemberDesk database was created in "
                        + dir + " and is gone (deleted or moved); restore it with memberdesk db restore --from"
                        + " BACKUP, or delete " + marker().getFileName() + " there to start a new, empty one");
            }
            if (!Files.isWritable(dir)) {
                throw StorageProblem.readOnlyDirectory(dir);
            }
            try {
                OwnerOnly.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                // another process is creating it
            } catch (IOException e) {
                throw new StorageProblem("cannot create the database " + file + ": " + reason(e), e);
            }
            return;
        }
        if (created && !holdsData()) {
            throw new StorageProblem("the database " + file + " is empty (0 bytes): it was emptied or cut short;"
                    + " restore it with memberdesk db restore --from BACKUP, or delete it and "
                    + marker().getFileName() + " to start a new, empty one");
        }
        if (!Files.isWritable(dir)) {
            throw StorageProblem.readOnlyDirectory(dir);
        }
        if (!Files.isWritable(file)) {
            throw StorageProblem.readOnlyFile(file);
        }
    }

    /** After a successful open: marks the directory as holding a database, and keeps the files owner-only. */
    void opened() {
        if (!Files.exists(marker())) {
            try {
                OwnerOnly.createFile(marker());
                Files.writeString(marker(), "A MemberDesk database was created here on " + Instant.now() + ".\n"
                        + "While this file exists, MemberDesk refuses to start a new, empty database in place of a\n"
                        + "missing or emptied " + file.getFileName() + ". Delete it only to start over.\n",
                        StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException raced) {
                // another process wrote it
            } catch (IOException e) {
                throw new StorageProblem("cannot write " + marker() + ": " + reason(e), e);
            }
        }
        List.of(file, wal(), shm(), marker()).forEach(OwnerOnly::restrictQuietly);
    }

    /** What identifies the file on disk now (its inode where there is one); empty when it is missing or empty. */
    Optional<Object> identity() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.size() == 0) {
                return Optional.empty();
            }
            return Optional.of(Objects.requireNonNullElse(attributes.fileKey(), attributes.creationTime()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof NoSuchFileException) {
            return "a folder on the way does not exist";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
