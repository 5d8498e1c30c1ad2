package org.memberdesk.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.memberdesk.service.DataDirectory;
import org.memberdesk.service.SampleDataGenerator;
import org.memberdesk.service.Services;

/**
 * What every benchmark of one run shares: the size of the data set, generated once into a data
 * directory of its own, the class path for child JVMs, and whether this is a quick smoke run.
 */
public final class BenchContext {

    /** The generated data set: its data directory and what the generator reported. */
    public record Dataset(DataDirectory directory, SampleDataGenerator.Result generated) {
    }

    private final SampleDataGenerator.Spec spec;
    private final Path workDir;
    private final boolean quick;
    private final PrintStream log;
    private Dataset dataset;

    public BenchContext(SampleDataGenerator.Spec spec, Path workDir, boolean quick, PrintStream log) {
        this.spec = spec;
        this.workDir = workDir;
        this.quick = quick;
        this.log = log;
    }

    public SampleDataGenerator.Spec spec() {
        return spec;
    }

    public Path workDir() {
        return workDir;
    }

    /** Smoke runs (the unit test suite): tiny data, few iterations; numbers, not verdicts, matter. */
    public boolean quick() {
        return quick;
    }

    public void log(String line) {
        log.println(line);
        log.flush();
    }

    /** Iterations: the full count, or a handful in a quick run. */
    public int iterations(int full) {
        return quick ? Math.max(1, Math.min(full, 3)) : full;
    }

    public synchronized Dataset dataset() {
        if (dataset == null) {
            DataDirectory directory = new DataDirectory(workDir.resolve("data-" + spec.contacts() + "-" + spec.seed()));
            deleteRecursively(directory.root());
            log("generating " + spec.contacts() + " contacts (seed " + spec.seed() + ") into " + directory.root());
            try (Services services = Services.open(directory, Clock.systemUTC())) {
                SampleDataGenerator.Result result = new SampleDataGenerator(services.transactions().database(),
                        services.clock()).generate(spec);
                log("generated in " + result.took().toMillis() + " ms");
                dataset = new Dataset(directory, result);
            }
        }
        return dataset;
    }

    public synchronized boolean datasetGenerated() {
        return dataset != null;
    }

    public Services openServices() {
        return Services.open(dataset().directory(), Clock.systemUTC());
    }

    /** The class path of this JVM, for child JVMs that must see the same classes. */
    public static String classPath() {
        return System.getProperty("java.class.path");
    }

    public static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
