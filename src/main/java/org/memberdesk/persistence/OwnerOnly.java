package org.memberdesk.persistence;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Files and folders MemberDesk creates are for the user running it only (0600 files, 0700
 * folders), whatever the umask or the mode of the folder they are created in. Where the file
 * system has no POSIX permissions (Windows), nothing is set: the user's profile folder protects them.
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    public static boolean supported() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates a folder and any missing parents; each one created here is owner-only. */
    public static Path createDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                if (supported()) {
                    Files.createDirectory(next, PosixFilePermissions.asFileAttribute(DIRECTORY));
                    // The umask may have taken bits away; it never adds any, but make sure.
                    Files.setPosixFilePermissions(next, DIRECTORY);
                } else {
                    Files.createDirectory(next);
                }
            } catch (FileAlreadyExistsException raced) {
                // another process made it first
            }
        }
        return dir;
    }

    /** Creates a new, empty owner-only file; fails with {@link FileAlreadyExistsException} if it exists. */
    public static Path createFile(Path file) throws IOException {
        if (supported()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            Files.setPosixFilePermissions(file, FILE);
        } else {
            Files.createFile(file);
        }
        return file;
    }

    /** Makes an existing file or folder owner-only (a file made by an older version, or by a library). */
    public static void restrict(Path path) throws IOException {
        if (!supported() || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Set<PosixFilePermission> wanted = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : FILE;
        if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }

    /** As {@link #restrict}, for files whose permissions are a courtesy, not a condition of working. */
    public static void restrictQuietly(Path path) {
        try {
            restrict(path);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not ours to change (another owner) or gone meanwhile: leave it
        }
    }
}
