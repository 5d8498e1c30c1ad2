package org.memberdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * B5: heap in use after start, one search and one contact opened, after GC, in a fresh JVM with
 * the launcher's default heap settings (a JVM that ran the other benchmarks would hold their garbage
 * and compiled code). Reports the resident set size too.
 */
public final class MemoryBench implements Benchmark {

    static final long TARGET_BYTES = 256L * 1024 * 1024;

    @Override
    public String id() {
        return "B5";
    }

    @Override
    public String what() {
        return "memory: heap in use after open on all contacts, one search, one contact opened (after GC)";
    }

    @Override
    public String target() {
        return "<= 256 MB heap; RSS reported";
    }

    @Override
    public List<Row> run(BenchContext context) throws IOException, InterruptedException {
        BenchContext.Dataset dataset = context.dataset();
        List<String> command = new ArrayList<>(List.of(BenchContext.javaBinary().toString(), "-cp",
                BenchContext.classPath()));
        String logDir = System.getProperty("memberdesk.logdir");
        if (logDir != null) {
            command.add("-Dmemberdesk.logdir=" + logDir);
        }
        command.addAll(List.of(MemoryProbe.class.getName(), dataset.directory().root().toString(),
                dataset.generated().historyContactId().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("memory probe failed:\n" + output);
        }
        Map<String, Long> values = parse(output);
        long heap = values.get("heapUsed");
        long rssKb = values.get("rssKb");
        String measured = String.format(Locale.ROOT, "heap %.1f MB, RSS %.1f MB (peak %.1f MB)",
                heap / 1048576.0, rssKb / 1024.0, values.get("hwmKb") / 1024.0);
        context.log("B5 " + measured);
        return List.of(row(measured, heap <= TARGET_BYTES));
    }

    static Map<String, Long> parse(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith(MemoryProbe.PREFIX + " ")) {
                Map<String, Long> values = new HashMap<>();
                for (String pair : line.substring(MemoryProbe.PREFIX.length() + 1).trim().split(" ")) {
                    String[] kv = pair.split("=", 2);
                    values.put(kv[0], Long.parseLong(kv[1]));
                }
                return values;
            }
        }
        throw new IllegalStateException("the memory probe printed no figures:\n" + output);
    }
}
