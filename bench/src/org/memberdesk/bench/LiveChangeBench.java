package org.memberdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.memberdesk.service.Services;
import org.memberdesk.service.live.Changes;

/**
 * B9: another process renames a contact 50 times; this one has her "window" open the way the
 * console does: subscribed to the change feed, and on a change of her it reloads her card (header,
 * credentials, offers, Email History: the contact with 1,000 emails) on a background thread.
 * Latency: from just before the other process began its write until the reloaded card carries the
 * new name, wall clock of the same machine. B9.idle: the CPU time of the feed's thread while
 * nothing changes for 10 s, as a share of one core. B9.pg and B9.pg.idle: the same with both
 * processes on the run's PostgreSQL schema, two desks of one team (the feed LISTENs there).
 */
public final class LiveChangeBench implements Benchmark {

    static final double TARGET_P95_MS = 1_000;
    static final double TARGET_IDLE_PERCENT = 1.0;

    private final boolean onPostgresql;

    public LiveChangeBench() {
        this(false);
    }

    private LiveChangeBench(boolean onPostgresql) {
        this.onPostgresql = onPostgresql;
    }

    /** B9.pg: needs {@code --postgresql URL}. */
    public static LiveChangeBench postgresql() {
        return new LiveChangeBench(true);
    }

    static String name(int edit) {
        return "Hana History " + edit;
    }

    @Override
    public String id() {
        return onPostgresql ? "B9.pg" : "B9";
    }

    @Override
    public String what() {
        return onPostgresql
                ? "live on PostgreSQL: another desk's (process's) change shows in an open contact window (LISTEN + reload)"
                : "live: another process's change shows in an open contact window (feed + reload of her card)";
    }

    @Override
    public String target() {
        return "p95 <= 1 s over 50 changes";
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        if (onPostgresql && context.postgresql().isEmpty()) {
            return List.of(notRun("needs --postgresql URL"));
        }
        BenchContext.Dataset dataset = onPostgresql ? context.postgresDataset() : context.dataset();
        Map<String, String> env = onPostgresql ? context.postgresql().orElseThrow().env() : System.getenv();
        UUID hana = dataset.generated().historyContactId();
        int edits = context.quick() ? 5 : 50;
        Map<Integer, Long> seenMicros = new ConcurrentHashMap<>();
        ExecutorService window = Executors.newSingleThreadExecutor();
        AtomicBoolean reloadQueued = new AtomicBoolean();
        List<Row> rows = new ArrayList<>();
        try (Services services = onPostgresql ? context.postgresql().orElseThrow().openServices()
                : context.openServices()) {
            String email = services.contacts().card(hana).contact().email();
            Runnable reload = () -> {
                reloadQueued.set(false);
                String shown = services.contacts().card(hana).contact().name();
                long now = micros(Instant.now());
                if (shown.startsWith("Hana History ")) {
                    seenMicros.putIfAbsent(Integer.parseInt(shown.substring("Hana History ".length())), now);
                }
            };
            Runnable unsubscribe = services.liveChanges().subscribe(changes -> {
                if (concerns(changes, hana) && reloadQueued.compareAndSet(false, true)) {
                    window.execute(reload);
                }
            });
            rows.add(idle(context));
            Map<Integer, Long> committedMicros = write(dataset, env, email, edits);
            awaitSeen(seenMicros, edits);
            unsubscribe.run();
            long[] latencies = new long[edits];
            int count = 0;
            int overwritten = 0;
            for (int edit = 1; edit <= edits; edit++) {
                // A name renamed again before a reload read it shows when the window shows a later one.
                Long shown = null;
                for (int later = edit; later <= edits && shown == null; later++) {
                    shown = seenMicros.get(later);
                }
                if (shown != null) {
                    latencies[count++] = (shown - committedMicros.get(edit)) * 1_000L;
                    overwritten += seenMicros.containsKey(edit) ? 0 : 1;
                }
            }
            Stats stats = Stats.ofNanos(latencies, count);
            double p95 = stats.percentile(95);
            String measured = String.format(Locale.ROOT,
                    "p95 %.1f ms, p50 %.1f ms, max %.1f ms (%d changes, %d shown only through a later one, %d never)",
                    p95, stats.median(), stats.max(), edits, overwritten, edits - count);
            context.log(id() + " " + measured);
            rows.add(0, row(measured, p95 <= TARGET_P95_MS && count == edits));
        } finally {
            window.shutdownNow();
        }
        return rows;
    }

    private static boolean concerns(Changes changes, UUID contact) {
        return changes.everything() || changes.manyContactsShown() || changes.contactsShown().contains(contact);
    }

    private Row idle(BenchContext context) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread.sleep(500);
        long feedThread = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("memberdesk-change-feed"))
                .mapToLong(Thread::getId).findFirst().orElseThrow();
        long seconds = context.quick() ? 2 : 10;
        long cpuBefore = threads.getThreadCpuTime(feedThread);
        long wallBefore = System.nanoTime();
        Thread.sleep(seconds * 1_000);
        double percent = 100.0 * (threads.getThreadCpuTime(feedThread) - cpuBefore) / (System.nanoTime() - wallBefore);
        String measured = String.format(Locale.ROOT, "%.3f %% of one core over %d s with nothing changing", percent,
                seconds);
        context.log(id() + ".idle " + measured);
        return new Row(id() + ".idle", "live: the change feed's cost while nothing changes", "< 1 % of one core", measured,
                percent < TARGET_IDLE_PERCENT ? Verdict.PASS : Verdict.FAIL);
    }

    private static Map<Integer, Long> write(BenchContext.Dataset dataset, Map<String, String> env, String email,
                                            int edits) throws Exception {
        List<String> command = new ArrayList<>(List.of(BenchContext.javaBinary().toString(), "-cp",
                BenchContext.classPath()));
        String logDir = System.getProperty("memberdesk.logdir");
        if (logDir != null) {
            command.add("-Dmemberdesk.logdir=" + logDir);
        }
        command.addAll(List.of(LiveChangeWriter.class.getName(), dataset.directory().root().toString(), email,
                Integer.toString(edits)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the writing process failed:\n" + output);
        }
        Map<Integer, Long> committed = new ConcurrentHashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith(LiveChangeWriter.PREFIX + " ")) {
                String[] parts = line.trim().split(" ");
                committed.put(Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
            }
        }
        if (committed.size() != edits) {
            throw new IllegalStateException("the writing process reported " + committed.size() + " edits:\n" + output);
        }
        return committed;
    }

    private static void awaitSeen(Map<Integer, Long> seen, int edits) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!seen.containsKey(edits) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
