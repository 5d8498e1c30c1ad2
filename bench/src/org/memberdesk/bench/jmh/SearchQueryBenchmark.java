package org.memberdesk.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactSummary;
import org.memberdesk.service.demo.SampleDataGenerator;
import org.memberdesk.service.storage.DataDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The search service call per query shape. Runs on the data directory named by the system property
 * {@value #DATA_DIR} (bench/run passes the generated 100,000-contact set), else on a small set of its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchQueryBenchmark {

    public static final String DATA_DIR = "memberdesk.bench.dataDir";

    @Param({"d", "da", "dana", "whit", "example.org", "zzqx"})
    public String query;

    private Services services;

    @Setup(Level.Trial)
    public void open() throws Exception {
        String dir = System.getProperty(DATA_DIR);
        if (dir == null) {
            Path temp = Files.createTempDirectory("memberdesk-jmh");
            services = Services.open(new DataDirectory(temp), Clock.systemUTC());
            new SampleDataGenerator(services.transactions().database(), services.clock())
                    .generate(SampleDataGenerator.Spec.of(5_000));
        } else {
            services = Services.open(new DataDirectory(Path.of(dir)), Clock.systemUTC());
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        services.close();
    }

    @Benchmark
    public List<ContactSummary> find() {
        return services.contacts().find(query);
    }
}
