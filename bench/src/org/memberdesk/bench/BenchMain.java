package org.memberdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.memberdesk.service.demo.SampleDataGenerator;

/**
 * Runs every benchmark and prints the table (id, what, target, measured, verdict); writes it with
 * the machine's description to a Markdown file. Usage (bench/run passes the defaults):
 * {@code BenchMain [--contacts N] [--only B2,B3] [--no-jmh] [--quick] [--strict] [--reuse-data] [--out FILE]
 * [--work DIR] [--postgresql URL]}. Without {@code --postgresql} the PostgreSQL rows (B2.pg, B9.pg) are
 * listed as not run.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int contacts = 100_000;
        boolean jmh = true;
        boolean quick = false;
        boolean strict = false;
        boolean reuse = false;
        Set<String> only = new LinkedHashSet<>();
        Path out = Path.of("bench/results/latest.md");
        Path work = Path.of("target/bench");
        String postgresql = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--contacts" -> contacts = Integer.parseInt(args[++i]);
                case "--only" -> only.addAll(Arrays.asList(args[++i].toUpperCase(Locale.ROOT).split(",")));
                case "--no-jmh" -> jmh = false;
                case "--quick" -> quick = true;
                case "--strict" -> strict = true;
                case "--reuse-data" -> reuse = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--postgresql" -> postgresql = args[++i];
                default -> {
                    System.err.println("unknown option " + args[i]
                            + "; usage: [--contacts N] [--only B2,B3,J] [--no-jmh] [--quick] [--strict] [--reuse-data]"
                            + " [--out FILE] [--work DIR] [--postgresql postgresql://USER@HOST:PORT/DATABASE]");
                    System.exit(2);
                }
            }
        }
        work = work.toAbsolutePath();
        Files.createDirectories(work);
        Path logDir = work.resolve("logs");
        System.setProperty("memberdesk.logdir", logDir.toString());

        SampleDataGenerator.Spec spec = contacts == 100_000 ? SampleDataGenerator.Spec.benchmark()
                : SampleDataGenerator.Spec.of(contacts);
        BenchContext context = new BenchContext(spec, work, quick, System.out).reuseData(reuse);
        PostgresSchema schema = postgresql == null ? null : PostgresSchema.create(postgresql, work, spec, reuse);
        context.postgresql(schema);
        List<Benchmark> benchmarks = new ArrayList<>(Benchmarks.all());
        if (jmh) {
            benchmarks.add(new JmhBench(work.resolve("jmh.txt"), logDir));
        }
        Instant started = Instant.now();
        String loadBefore = loadAverage();
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean crashed = false;
        for (Benchmark benchmark : benchmarks) {
            if (!only.isEmpty() && !only.contains(benchmark.id().toUpperCase(Locale.ROOT))) {
                continue;
            }
            try {
                rows.addAll(benchmark.run(context));
            } catch (Exception | AssertionError e) {
                crashed = true;
                rows.add(new Row(benchmark.id(), benchmark.what(), benchmark.target(), "error: " + e,
                        Verdict.FAIL));
                e.printStackTrace(System.out);
            }
        }
        notes.add("Load average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAverage()
                + ". Other work on this machine inflates wall-clock figures; see the CPU-time rows.");
        if (context.datasetGenerated()) {
            BenchContext.Dataset dataset = context.dataset();
            notes.add(String.format(Locale.ROOT, "Data set: %,d contacts, %,d offer grants, %,d emails for %s "
                            + "(seed %d), generated in %.1f s.", dataset.generated().contacts(),
                    dataset.generated().grants(), dataset.generated().emails(),
                    dataset.generated().historyContactEmail(), spec.seed(),
                    dataset.generated().took().toMillis() / 1000.0));
        }
        if (schema != null) {
            schema.close();
            notes.add(schema.describe());
        }
        String table = table(rows);
        System.out.println();
        System.out.println(table);
        notes.forEach(System.out::println);
        writeReport(out, started, table, notes);
        System.out.println("written to " + out.toAbsolutePath());
        boolean failed = rows.stream().anyMatch(r -> r.verdict() == Verdict.FAIL);
        System.exit(crashed ? 1 : strict && failed ? 3 : 0);
    }

    static String table(List<Row> rows) {
        StringBuilder s = new StringBuilder();
        s.append("| id | what | target | measured | result |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            s.append("| ").append(r.id()).append(" | ").append(r.what()).append(" | ").append(r.target())
                    .append(" | ").append(r.measured()).append(" | ").append(r.verdict().label()).append(" |\n");
        }
        return s.toString();
    }

    private static void writeReport(Path out, Instant started, String table, List<String> notes) throws IOException {
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        StringBuilder s = new StringBuilder();
        s.append("# MemberDesk benchmarks\n\n");
        s.append("Run ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(" with `bench/run`.\n\n");
        s.append(table).append('\n');
        notes.forEach(n -> s.append(n).append("\n\n"));
        s.append("## Machine\n\n").append(machine()).append('\n');
        Files.writeString(out, s.toString(), StandardCharsets.UTF_8);
    }

    static String loadAverage() {
        try {
            Path file = Path.of("/proc/loadavg");
            if (Files.exists(file)) {
                String[] fields = Files.readString(file).trim().split("\\s+");
                return fields[0] + " " + fields[1] + " " + fields[2];
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    static String machine() {
        StringBuilder s = new StringBuilder();
        s.append("- CPUs: ").append(Runtime.getRuntime().availableProcessors());
        String model = firstField(Path.of("/proc/cpuinfo"), "model name");
        if (model != null) {
            s.append(" (").append(model).append(')');
        }
        s.append('\n');
        String mem = firstField(Path.of("/proc/meminfo"), "MemTotal");
        if (mem != null) {
            s.append("- memory: ").append(mem).append('\n');
        }
        s.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (")
                .append(System.getProperty("java.vendor")).append(")\n");
        s.append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        return s.toString();
    }

    private static String firstField(Path file, String name) {
        try {
            if (!Files.exists(file)) {
                return null;
            }
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
