package org.memberdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.bench.jmh.SearchQueryBenchmark;
import org.memberdesk.bench.jmh.TokenHashBenchmark;
import org.memberdesk.service.demo.SampleDataGenerator;
import org.memberdesk.testsupport.TestDatabases;

/**
 * Runs every harness of bench/ on tiny data so none of them rots. Asserts that each produced
 * figures, never a timing target: this machine's timings mean nothing inside a test run.
 */
class BenchHarnessSmokeTest {

    @TempDir
    static Path work;
    static BenchContext context;
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    @BeforeAll
    static void tinyDataSet() {
        context = new BenchContext(new SampleDataGenerator.Spec(500, SampleDataGenerator.Spec.DEFAULT_SEED, 40),
                work, true, new PrintStream(LOG, true, StandardCharsets.UTF_8));
        // A PostgreSQL test run runs the PostgreSQL rows too, in a schema of their own on its server.
        TestDatabases.server().ifPresent(server -> context.postgresql(
                PostgresSchema.create(server.shown(), work, context.spec(), false)));
    }

    @AfterAll
    static void dropPostgresSchema() {
        context.postgresql().ifPresent(PostgresSchema::close);
    }

    @Test
    void everyBenchmarkOfTheTableProducesARow() throws Exception {
        List<Benchmark> all = Benchmarks.all();
        assertThat(all).extracting(Benchmark::id).containsExactly("B1", "B2", "B2.pg", "B3", "B4", "B5", "B6", "B7", "B7.w", "B8", "B9",
                "B9.pg");
        for (Benchmark benchmark : all) {
            List<Row> rows = benchmark.run(context);
            assertThat(rows).as(benchmark.id()).isNotEmpty();
            Row main = rows.get(0);
            assertThat(main.id()).isEqualTo(benchmark.id());
            assertThat(main.target()).isNotBlank();
            if (main.verdict() == Verdict.NOT_RUN) {
                assertThat(benchmark.id()).endsWith(".pg");
                assertThat(TestDatabases.postgresql()).isFalse();
                assertThat(main.measured()).isEqualTo("not run: needs --postgresql URL");
            } else if (main.verdict() != Verdict.NOT_MEASURED) {
                assertThat(main.verdict()).as(benchmark.id()).isIn(Verdict.PASS, Verdict.FAIL);
                assertThat(main.measured()).as(benchmark.id()).containsPattern("\\d+\\.\\d+ (ms|MB)");
            }
        }
        assertThat(BenchMain.table(List.of(Row.info("X", "what", "1 ms")))).contains("| X | what | - | 1 ms | info |");
    }

    @Test
    void searchTimingsCoverEveryQueryKind() {
        try (var services = context.openServices()) {
            SearchBench.Result result = SearchBench.measure(context, SearchBench.mix(services),
                    q -> services.contacts().find(q));
            assertThat(result.p50ByKind()).containsOnlyKeys(QueryMix.KINDS);
            assertThat(result.p99()).isGreaterThanOrEqualTo(result.p50()).isPositive();
        }
    }

    @Test
    void jmhBenchmarkMethodsRunOnTheDataSet() throws Exception {
        System.setProperty(SearchQueryBenchmark.DATA_DIR, context.dataset().directory().root().toString());
        try {
            SearchQueryBenchmark search = new SearchQueryBenchmark();
            search.query = "da";
            search.open();
            try {
                assertThat(search.find()).isNotEmpty();
            } finally {
                search.close();
            }
        } finally {
            System.clearProperty(SearchQueryBenchmark.DATA_DIR);
        }
        TokenHashBenchmark tokens = new TokenHashBenchmark();
        assertThat(tokens.hash()).hasSize(64);
        assertThat(tokens.mint().raw()).hasSize(43);
    }
}
