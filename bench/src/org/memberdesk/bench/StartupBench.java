package org.memberdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.memberdesk.Launcher;
import org.memberdesk.StartupProbe;

/**
 * B1: JVM start to the main window with the search field focused and the first contacts listed
 * ({@code memberdesk --startup-probe} on the data set), against {@link BareWindowProbe} started the
 * same way in the same run: fresh JVMs, headless Monocle, alternating, one warm-up of each first.
 */
public final class StartupBench implements Benchmark {

    static final String PREFIX = StartupProbe.PREFIX;
    static final double TARGET_RATIO = 2.0;

    @Override
    public String id() {
        return "B1";
    }

    @Override
    public String what() {
        return "startup: JVM start to main window with search focused and first contacts listed";
    }

    @Override
    public String target() {
        return "<= 2.0x a bare JavaFX window";
    }

    @Override
    public List<Row> run(BenchContext context) throws IOException, InterruptedException {
        String dataDir = context.dataset().directory().root().toString();
        List<String> app = List.of(Launcher.class.getName(), "--data-dir", dataDir, "--startup-probe");
        List<String> bare = List.of(BareWindowProbe.class.getName());
        int runs = context.iterations(7);
        List<String> jvm = ConsoleJar.prepare(context).jvmOptions();
        if (!context.quick()) {
            probe(jvm, app);
            probe(bare);
        }
        long[] appNanos = new long[runs];
        long[] bareNanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            bareNanos[i] = probe(bare) * 1_000_000;
            appNanos[i] = probe(jvm, app) * 1_000_000;
        }
        Stats appStats = Stats.ofNanos(appNanos, runs);
        Stats bareStats = Stats.ofNanos(bareNanos, runs);
        double ratio = appStats.median() / bareStats.median();
        String measured = String.format(Locale.ROOT, "%.2fx: app median %s, bare window median %s (%d runs each)",
                ratio, Stats.ms(appStats.median()), Stats.ms(bareStats.median()), runs);
        context.log("B1 " + measured);
        return List.of(row(measured, ratio <= TARGET_RATIO),
                Row.info("B1.r", "startup, every run (app / bare, ms)",
                        joined(appNanos) + " / " + joined(bareNanos)));
    }

    /** Starts a fresh JVM on {@code mainAndArgs} and returns the milliseconds it reported. */
    static long probe(List<String> mainAndArgs) throws IOException, InterruptedException {
        return probe(List.of("-cp", BenchContext.classPath()), mainAndArgs);
    }

    /** As {@link #probe(List)}, with these JVM options (the class path among them) before the main class. */
    static long probe(List<String> jvmOptions, List<String> mainAndArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BenchContext.javaBinary().toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true"));
        command.addAll(jvmOptions);
        String logDir = System.getProperty("memberdesk.logdir");
        if (logDir != null) {
            command.add("-Dmemberdesk.logdir=" + logDir);
        }
        command.addAll(mainAndArgs);
        // Output to a file, so a probe that never reports (say, a dialog waiting for an answer) times out.
        Path log = Files.createTempFile("memberdesk-startup", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(2, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (!finished) {
                throw new IllegalStateException("startup probe did not finish: " + mainAndArgs + "\n" + output);
            }
            return figure(output, mainAndArgs, process.exitValue());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static long figure(String output, List<String> mainAndArgs, int exitValue) {
        for (String line : output.split("\n")) {
            if (line.startsWith(PREFIX + " ms=")) {
                return Long.parseLong(line.substring(PREFIX.length() + 4).trim());
            }
        }
        throw new IllegalStateException("no startup figure from " + mainAndArgs + " (exit " + exitValue
                + "):\n" + output);
    }

    static String joined(long[] nanos) {
        StringBuilder text = new StringBuilder();
        for (long n : nanos) {
            text.append(text.isEmpty() ? "" : " ").append(n / 1_000_000);
        }
        return text.toString();
    }
}
