package org.memberdesk.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.memberdesk.service.Services;
import org.memberdesk.service.importing.ImportResult;
import org.memberdesk.service.storage.DataDirectory;

/**
 * B6: {@code contactImport().run} of a CSV with as many new contacts as the data set (100,000), each
 * with an offer grant and its "Offer Access Granted" event, into a fresh database; wall clock of the
 * whole call (reading, checking, writing in one transaction). Median of three, each on a new database.
 */
public final class ImportBench implements Benchmark {

    static final double TARGET_SECONDS = 10.0;

    @Override
    public String id() {
        return "B6";
    }

    @Override
    public String what() {
        return "import: CSV of 100,000 new contacts with offer grants and their trigger events";
    }

    @Override
    public String target() {
        return "<= 10 s";
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        int rows = context.spec().contacts();
        Path csv = ImportCsv.write(context.workDir().resolve("b6/contacts-" + rows + ".csv"), rows);
        int runs = context.iterations(3);
        long[] nanos = new long[runs];
        long[] reported = new long[runs];
        for (int i = 0; i < runs; i++) {
            DataDirectory fresh = new DataDirectory(context.workDir().resolve("b6/data-" + i + "-" + System.nanoTime()));
            try (Services services = Services.open(fresh, Clock.systemUTC())) {
                ImportCsv.createOffers(services);
                long start = System.nanoTime();
                ImportResult result = ImportCsv.importAll(services, csv, rows);
                nanos[i] = System.nanoTime() - start;
                reported[i] = result.millis();
                if (result.triggersFired() != rows) {
                    throw new IllegalStateException("expected " + rows + " trigger events, got " + result.triggersFired());
                }
            }
            BenchContext.deleteRecursively(fresh.root());
        }
        Stats stats = Stats.ofNanos(nanos, runs);
        double seconds = stats.median() / 1000.0;
        String measured = String.format(Locale.ROOT, "median %.2f s for %,d rows (%s; %,.0f rows/s)",
                seconds, rows, Stats.ms(stats.median()), rows / seconds);
        context.log("B6 " + measured);
        return List.of(row(measured, seconds <= TARGET_SECONDS));
    }
}
