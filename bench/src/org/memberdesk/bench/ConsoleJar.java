package org.memberdesk.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.memberdesk.Launcher;

/**
 * The console started as {@code ./memberdesk} starts it: from target/memberdesk.jar, mapping the
 * console's class-data archive. As the launcher's first console run after a build writes that
 * archive when it exits, a first run here (the warm-up) opens a contact on the data set and writes
 * it; the measured runs map it. Monocle (a test dependency) comes after the jar on the class path.
 */
final class ConsoleJar {

    private static ConsoleJar prepared;

    private final List<String> classPath;
    private final Path archive;

    private ConsoleJar(List<String> classPath, Path archive) {
        this.classPath = classPath;
        this.archive = archive;
    }

    /** The archive made once per bench run, by a run that opens the contact B8 opens (given her history first). */
    static synchronized ConsoleJar prepare(BenchContext context) throws IOException, InterruptedException {
        if (prepared == null) {
            FirstContactBench.giveHistory(context);
            String dataDir = context.dataset().directory().root().toString();
            Path jar = Path.of("target", "memberdesk.jar").toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                if (context.quick()) {
                    // the build's smoke test runs before the jar is packaged: the class path, no archive
                    prepared = new ConsoleJar(List.of("-cp", BenchContext.classPath()), null);
                    return prepared;
                }
                throw new IllegalStateException("no " + jar + ": bench/run builds it first");
            }
            String monocle = Arrays.stream(BenchContext.classPath().split(File.pathSeparator))
                    .filter(entry -> entry.contains("openjfx-monocle")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Monocle is not on the bench's class path"));
            List<String> classPath = List.of("-cp", jar + File.pathSeparator + monocle);
            Path archive = Files.createTempDirectory("memberdesk-bench-cds").resolve("console.jsa");
            archive.toFile().deleteOnExit();
            archive.getParent().toFile().deleteOnExit();
            List<String> record = new ArrayList<>(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off"));
            record.addAll(classPath);
            StartupBench.probe(record, List.of(Launcher.class.getName(), "--data-dir", dataDir, "--open-probe",
                    FirstContactBench.QUERY));
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("the console's class-data archive was not written");
            }
            prepared = new ConsoleJar(classPath, archive);
        }
        return prepared;
    }

    /** The JVM options before the main class: the archive and the class path. */
    List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        if (archive != null) {
            options.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        options.addAll(classPath);
        return options;
    }
}
