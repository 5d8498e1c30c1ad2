package org.memberdesk.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.memberdesk.Launcher;

/**
 * B7 and B7.w: one CLI command as a user runs it, the whole process through the {@code ./memberdesk}
 * launcher (its JVM options and class-data archive included), against {@code memberdesk --version}
 * started the same way in the same run: alternating, one warm-up of each first, medians of the wall
 * time; the CPU time of each process (user + system, from bash's {@code times}) is reported too, as
 * it hardly changes with the load of the machine. Runs on the demo data ({@code demo seed}).
 */
public final class CliBench implements Benchmark {

    private static final Pattern EMAIL = Pattern.compile("\"email\":\"([^\"]+)\",\"name\":\"[^\"]*\",\"tags\":\\[\"member\"\\]");
    private static final Pattern CHILD_TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

    private final String id;
    private final String what;
    private final double targetRatio;
    private final boolean delivering;

    private CliBench(String id, String what, double targetRatio, boolean delivering) {
        this.id = id;
        this.what = what;
        this.targetRatio = targetRatio;
        this.delivering = delivering;
    }

    /** B7: {@code memberdesk contacts find dana --json} on the demo data. */
    public static CliBench find() {
        return new CliBench("B7", "CLI: `contacts find dana --json` on the demo data, whole process", 2.5, false);
    }

    /** B7.w: {@code memberdesk credentials reset-link} delivering to an SMTP server on this machine. */
    public static CliBench resetLink() {
        return new CliBench("B7.w", "CLI: `credentials reset-link` delivered to a local SMTP server, whole process",
                3.0, true);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String what() {
        return what;
    }

    @Override
    public String target() {
        return String.format(Locale.ROOT, "<= %.1fx `memberdesk --version`", targetRatio);
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        Path work = context.workDir().resolve("b7");
        Files.createDirectories(work);
        Path data = work.resolve("demo-" + System.nanoTime());
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            Map<String, String> env = new HashMap<>();
            env.put("MEMBERDESK_SMTP_HOST", "127.0.0.1");
            env.put("MEMBERDESK_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
            env.put("MEMBERDESK_SMTP_SECURITY", "none");
            env.put("MEMBERDESK_SMTP_FROM", "support@example.com");
            run(context, work, env, List.of("--data-dir", data.toString(), "demo", "seed"));
            List<String> version = List.of("--version");
            // Reset links to a different contact each run: five an hour to one contact is the limit.
            List<String> contacts = delivering ? contacts(context, work, env, data) : List.of();
            List<String> find = List.of("--data-dir", data.toString(), "contacts", "find", "dana", "--json");
            int runs = context.iterations(7);
            if (!context.quick()) {
                run(context, work, env, version);
                run(context, work, env, delivering ? resetLink(data, contacts.get(runs)) : find);
            }
            long[] versionWall = new long[runs];
            long[] commandWall = new long[runs];
            long[] versionCpu = new long[runs];
            long[] commandCpu = new long[runs];
            for (int i = 0; i < runs; i++) {
                long[] v = run(context, work, env, version);
                versionWall[i] = v[0];
                versionCpu[i] = v[1];
                long[] c = run(context, work, env, delivering ? resetLink(data, contacts.get(i)) : find);
                commandWall[i] = c[0];
                commandCpu[i] = c[1];
            }
            if (delivering && smtp.getReceivedMessages().length < runs) {
                throw new IllegalStateException("the SMTP server received " + smtp.getReceivedMessages().length
                        + " emails for " + runs + " reset links");
            }
            Stats commandStats = Stats.ofNanos(commandWall, runs);
            Stats versionStats = Stats.ofNanos(versionWall, runs);
            double ratio = commandStats.median() / versionStats.median();
            String measured = String.format(Locale.ROOT,
                    "%.2fx: command median %s, --version median %s (%d runs each); CPU %s / %s", ratio,
                    Stats.ms(commandStats.median()), Stats.ms(versionStats.median()), runs,
                    Stats.ms(Stats.ofNanos(commandCpu, runs).median()), Stats.ms(Stats.ofNanos(versionCpu, runs).median()));
            context.log(id + " " + measured);
            return List.of(row(measured, ratio <= targetRatio),
                    Row.info(id + ".r", "CLI, every run (command / --version, wall ms)",
                            joined(commandWall) + " / " + joined(versionWall)));
        } finally {
            smtp.stop();
            BenchContext.deleteRecursively(data);
        }
    }

    private static List<String> resetLink(Path data, String contact) {
        return List.of("--data-dir", data.toString(), "credentials", "reset-link", "--contact", contact, "--json");
    }

    /** The email addresses of the demo's plain members (no quirks such as a locked account). */
    private static List<String> contacts(BenchContext context, Path work, Map<String, String> env, Path data)
            throws IOException, InterruptedException {
        Path output = work.resolve("contacts.json");
        run(context, work, env, List.of("--data-dir", data.toString(), "contacts", "find", "member", "--json"), output);
        List<String> emails = new ArrayList<>();
        Matcher m = EMAIL.matcher(Files.readString(output, StandardCharsets.UTF_8));
        while (m.find()) {
            emails.add(m.group(1));
        }
        Files.delete(output);
        if (emails.size() < 8) {
            throw new IllegalStateException("the demo data has " + emails.size() + " contacts to send reset links to");
        }
        return emails;
    }

    private static long[] run(BenchContext context, Path work, Map<String, String> env, List<String> args)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(work, "cli", ".out");
        try {
            return run(context, work, env, args, output);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Runs one whole {@code memberdesk} process, its output to a file; returns its wall and CPU nanoseconds. */
    private static long[] run(BenchContext context, Path work, Map<String, String> env, List<String> args,
                              Path output) throws IOException, InterruptedException {
        List<String> memberdesk = new ArrayList<>(launcher(context));
        memberdesk.addAll(args);
        // bash runs the command and then prints its children's CPU times: the JVM's, user and system.
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "\"$@\" >\"$MEMBERDESK_BENCH_OUT\" 2>&1; rc=$?; times; exit $rc", "bash"));
        command.addAll(memberdesk);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("MEMBERDESK_BENCH_OUT", output.toString());
        long start = System.nanoTime();
        Process process = builder.start();
        String times = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        long wall = System.nanoTime() - start;
        if (!finished) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("memberdesk " + args + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("memberdesk " + args + " exited with " + process.exitValue() + ":\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new long[] {wall, childCpuNanos(times)};
    }

    /**
     * The {@code ./memberdesk} launcher when this run has it and its jar (bench/run builds both);
     * in a smoke run, the classes of this JVM, so a test never builds the jar.
     */
    private static List<String> launcher(BenchContext context) {
        Path script = Path.of("memberdesk").toAbsolutePath();
        if (!context.quick() && Files.isExecutable(script) && Files.exists(Path.of("target", "memberdesk.jar"))) {
            return List.of(script.toString());
        }
        return List.of(BenchContext.javaBinary().toString(), "-cp", BenchContext.classPath(), Launcher.class.getName());
    }

    private static long childCpuNanos(String times) {
        String[] lines = times.strip().split("\n");
        Matcher m = CHILD_TIMES.matcher(lines[lines.length - 1]);
        if (!m.find()) {
            throw new IllegalStateException("no CPU times in: " + times);
        }
        double seconds = Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                + Long.parseLong(m.group(3)) * 60 + Double.parseDouble(m.group(4));
        return (long) (seconds * 1e9);
    }

    private static String joined(long[] nanos) {
        StringBuilder text = new StringBuilder();
        for (long n : nanos) {
            text.append(text.isEmpty() ? "" : " ").append(n / 1_000_000);
        }
        return text.toString();
    }
}
