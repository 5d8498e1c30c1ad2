package org.memberdesk.testsupport;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * Makes a folder read-only for this process, as a user's mistake or a read-only mount would: mode
 * 0555, and where that does not stop us (tests running as root) the immutable attribute
 * ({@code chattr +i}), which stops root too. Closing makes it writable again.
 */
public final class ReadOnlyFolder implements AutoCloseable {

    private final Path dir;
    private boolean immutable;

    private ReadOnlyFolder(Path dir) {
        this.dir = dir;
    }

    public static ReadOnlyFolder of(Path dir) throws IOException, InterruptedException {
        ReadOnlyFolder folder = new ReadOnlyFolder(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Files.isWritable(dir)) {
            folder.immutable = chattr("+i", dir);
        }
        if (Files.isWritable(dir)) {
            folder.close();
            fail("cannot make " + dir + " read-only for this process (root without chattr +i?)");
        }
        return folder;
    }

    private static boolean chattr(String flag, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    @Override
    public void close() throws IOException {
        if (immutable) {
            try {
                chattr("-i", dir);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            immutable = false;
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
}
