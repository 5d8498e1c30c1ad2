package org.memberdesk.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.memberdesk.bench.jmh.SearchQueryBenchmark;
import org.memberdesk.bench.jmh.TokenHashBenchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH micro-benchmarks, with short settings (one fork, 4 x 1 s warm-up, 3 x 1 s measured), so
 * the whole bench run stays a few minutes. Information rows only: the targets are end to end.
 * Needs the classes JMH's annotation processor generates: bench/run builds with -Pbench.
 */
public final class JmhBench implements Benchmark {

    private final Path output;
    private final Path logDir;

    public JmhBench(Path output, Path logDir) {
        this.output = output;
        this.logDir = logDir;
    }

    @Override
    public String id() {
        return "J";
    }

    @Override
    public String what() {
        return "JMH micro-benchmarks";
    }

    @Override
    public String target() {
        return "-";
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        BenchContext.Dataset dataset = context.dataset();
        Options options = new OptionsBuilder()
                .include(SearchQueryBenchmark.class.getName())
                .include(TokenHashBenchmark.class.getName())
                .forks(1)
                .warmupIterations(4)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-D" + SearchQueryBenchmark.DATA_DIR + "=" + dataset.directory().root(),
                        "-Dmemberdesk.logdir=" + logDir)
                .output(output.toString())
                .build();
        context.log("JMH running, its output goes to " + output);
        Collection<RunResult> results = new Runner(options).run();
        Map<String, String> search = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String score = String.format(Locale.ROOT, "%.2f %s", result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreUnit());
            if (benchmark.startsWith(SearchQueryBenchmark.class.getName())) {
                search.put(result.getParams().getParam("query"), score);
            } else {
                String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                rows.add(Row.info("J2." + method, "Tokens." + method + " (JMH, average)", score));
            }
        }
        StringBuilder s = new StringBuilder();
        search.forEach((q, score) -> s.append(s.length() == 0 ? "" : ", ").append('"').append(q).append("\" ")
                .append(score));
        rows.add(0, Row.info("J1", "search service call per query (JMH, average, "
                + context.spec().contacts() + " contacts)", s.toString()));
        return rows;
    }
}
