package org.memberdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.memberdesk.persistence.TestSessions;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactService;

/**
 * B2: the service call behind type-ahead search ({@code ContactService.find}, first 50), timed call
 * by call over a mix of queries after a warm-up; p50 and p99 per round, the median of the rounds
 * reported. B2.pg: the same on the same data set generated into PostgreSQL (the run's schema).
 */
public final class SearchBench implements Benchmark {

    private final boolean onPostgresql;

    public SearchBench() {
        this(false);
    }

    private SearchBench(boolean onPostgresql) {
        this.onPostgresql = onPostgresql;
    }

    /** B2.pg: needs {@code --postgresql URL}. */
    public static SearchBench postgresql() {
        return new SearchBench(true);
    }

    static final int ROUNDS = 5;
    static final int QUERIES_PER_ROUND = 450;
    static final int WARMUP_QUERIES = 2_000;

    /** Per-round figures of one run, kept for the details section. */
    public record Result(double p50, double p99, double max, Map<String, Double> p50ByKind, int queries,
                         double cpuP50, double cpuP99) {
    }

    @Override
    public String id() {
        return onPostgresql ? "B2.pg" : "B2";
    }

    @Override
    public String what() {
        return onPostgresql ? "search on PostgreSQL: ContactService.find, first 50, the mix and data set of B2"
                : "search: ContactService.find, first 50, mixed prefix/substring/no-match queries";
    }

    @Override
    public String target() {
        return "p50 <= 3 ms, p99 <= 10 ms";
    }

    @Override
    public List<Row> run(BenchContext context) {
        if (onPostgresql) {
            if (context.postgresql().isEmpty()) {
                return List.of(notRun("needs --postgresql URL"));
            }
            context.postgresDataset();
        }
        try (Services services = onPostgresql ? context.postgresql().orElseThrow().openServices()
                : context.openServices()) {
            QueryMix mix = mix(services);
            Result service = measure(context, mix, q -> services.contacts().find(q));
            context.log(String.format(Locale.ROOT, "%s p50 %.3f ms, p99 %.3f ms, max %.3f ms; CPU p50 %.3f ms,"
                            + " p99 %.3f ms; p50 by kind %s", id(), service.p50(), service.p99(), service.max(),
                    service.cpuP50(), service.cpuP99(), format(service.p50ByKind())));
            List<Row> rows = new ArrayList<>();
            rows.add(row("p50 " + Stats.ms(service.p50()) + ", p99 " + Stats.ms(service.p99()),
                    service.p50() <= 3.0 && service.p99() <= 10.0));
            rows.add(Row.info(id() + ".k", "search p50 by query kind", format(service.p50ByKind())));
            rows.add(Row.info(id() + ".c", onPostgresql
                            ? "search CPU time of the calling thread (the server's own CPU time not included)"
                            : "search CPU time of the calling thread (less sensitive to other load)",
                    "p50 " + Stats.ms(service.cpuP50()) + ", p99 " + Stats.ms(service.cpuP99())));
            if (onPostgresql) {
                return rows;
            }
            // The LIKE path scans every contact: a shorter run, for comparison only.
            Function<String, ?> like = q -> services.transactions().read(t -> t.contacts()
                    .searchPortable(q, ContactService.DEFAULT_SEARCH_LIMIT).size());
            Result portable = context.quick() ? measure(mix, like, 5, 1, QueryMix.KINDS.size())
                    : measure(mix, like, 50, 1, QueryMix.KINDS.size() * 30);
            rows.add(Row.info("B2.p", "search through the portable LIKE path (PostgreSQL's), "
                            + portable.queries() + " queries of the same mix",
                    "p50 " + Stats.ms(portable.p50()) + ", p99 " + Stats.ms(portable.p99())));
            return rows;
        }
    }

    static QueryMix mix(Services services) {
        List<Object[]> rows = services.transactions().read(t -> TestSessions.of(t)
                .createSelectionQuery("select c.name, c.email from Contact c", Object[].class)
                .getResultList());
        List<String> names = rows.stream().map(r -> (String) r[0]).toList();
        List<String> emails = rows.stream().map(r -> (String) r[1]).toList();
        return new QueryMix(names, emails, 9L);
    }

    /** Times {@code search} over warm-up and rounds of the mix. */
    public static Result measure(BenchContext context, QueryMix mix, Function<String, ?> search) {
        return context.quick() ? measure(mix, search, 20, 1, QueryMix.KINDS.size() * 2)
                : measure(mix, search, WARMUP_QUERIES, ROUNDS, QUERIES_PER_ROUND);
    }

    static Result measure(QueryMix mix, Function<String, ?> search, int warmup, int rounds, int perRound) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (QueryMix.Query q : mix.next(warmup)) {
            search.apply(q.text());
        }
        double[] p50s = new double[rounds];
        double[] p99s = new double[rounds];
        double[] cpuP50s = new double[rounds];
        double[] cpuP99s = new double[rounds];
        double max = 0;
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            List<QueryMix.Query> queries = mix.next(perRound);
            long[] nanos = new long[queries.size()];
            long[] cpu = new long[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                search.apply(queries.get(i).text());
                nanos[i] = System.nanoTime() - start;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
                byKind.computeIfAbsent(queries.get(i).kind(), k -> new ArrayList<>()).add(nanos[i]);
            }
            Stats stats = Stats.ofNanos(nanos, nanos.length);
            p50s[r] = stats.median();
            p99s[r] = stats.percentile(99);
            Stats cpuStats = Stats.ofNanos(cpu, cpu.length);
            cpuP50s[r] = cpuStats.median();
            cpuP99s[r] = cpuStats.percentile(99);
            max = Math.max(max, stats.max());
        }
        Map<String, Double> p50ByKind = new LinkedHashMap<>();
        byKind.forEach((kind, list) -> p50ByKind.put(kind,
                Stats.ofNanos(list.stream().mapToLong(Long::longValue).toArray(), list.size()).median()));
        return new Result(Stats.medianOf(p50s), Stats.medianOf(p99s), max, p50ByKind, rounds * perRound,
                Stats.medianOf(cpuP50s), Stats.medianOf(cpuP99s));
    }

    static String format(Map<String, Double> byKind) {
        StringBuilder s = new StringBuilder();
        byKind.forEach((kind, p50) -> s.append(s.length() == 0 ? "" : ", ").append(kind).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", p50)));
        return s.append(" (ms)").toString();
    }
}
