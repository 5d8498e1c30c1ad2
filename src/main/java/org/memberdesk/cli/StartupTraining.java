package org.memberdesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sqlite.JDBC;
import org.sqlite.util.LibraryLoaderUtil;
import picocli.CommandLine;

/**
 * The training run of the class-data archive that {@code ./memberdesk} makes once per build
 * ({@code -XX:ArchiveClassesAtExit}): runs typical commands in one JVM on a throw-away demo data
 * directory, so the classes they load (picocli, Flyway, Hibernate, SQLite, Angus Mail) start mapped
 * from the archive in every later command instead of being loaded and verified one by one.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    /** Where to put SQLite's native library for later starts (the launcher passes it; unset: nowhere). */
    static final String SQLITE_NATIVE_DIR = "memberdesk.sqlite.native.dir";

    public static void main(String[] args) throws IOException {
        String nativeDir = System.getProperty(SQLITE_NATIVE_DIR, "");
        if (!nativeDir.isBlank()) {
            extractSqliteLibrary(Path.of(nativeDir));
        }
        Path data = Files.createTempDirectory("memberdesk-training");
        try {
            String dir = data.toString();
            List<List<String>> commands = List.of(
                    List.of("--version"),
                    List.of("--data-dir", dir, "demo", "seed", "--json"),
                    List.of("--data-dir", dir, "contacts", "find", "dana", "--json"),
                    List.of("--data-dir", dir, "credentials", "reset-link", "--contact", "dana.whitfield@example.com",
                            "--json"));
            for (List<String> command : commands) {
                int exit = run(command);
                if (exit != CommandLine.ExitCode.OK) {
                    System.err.println("memberdesk: the training command " + command + " exited with " + exit);
                }
            }
        } finally {
            deleteRecursively(data);
        }
    }

    /**
     * Copies the SQLite driver's native library for this system out of its jar once. Without it the
     * driver writes the library to the temporary folder at every start and compares the copy with
     * the original byte by byte, about a tenth of a command's database open; given the folder
     * ({@code -Dorg.sqlite.lib.path}), it loads the library from there.
     */
    private static void extractSqliteLibrary(Path dir) throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = JDBC.class.getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            Files.createDirectories(dir);
            Path partial = dir.resolve(LibraryLoaderUtil.getNativeLibName() + ".partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, dir.resolve(LibraryLoaderUtil.getNativeLibName()),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static int run(List<String> command) {
        CommandLine commandLine = MemberDeskCommand.commandLine((directory, env) -> {
        }, failure -> failure.printStackTrace());
        commandLine.setOut(new PrintWriter(Writer.nullWriter()));
        commandLine.setErr(new PrintWriter(Writer.nullWriter()));
        return commandLine.execute(command.toArray(String[]::new));
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
