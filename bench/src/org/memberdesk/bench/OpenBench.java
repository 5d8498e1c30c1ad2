package org.memberdesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.UUID;
import org.memberdesk.service.Services;
import org.memberdesk.service.contacts.ContactCard;

/** B3: everything the contact window shows ({@code ContactService.card}) for the contact with the long history. */
public final class OpenBench implements Benchmark {

    @Override
    public String id() {
        return "B3";
    }

    @Override
    public String what() {
        return "open: ContactService.card for a contact with 1,000 emails";
    }

    @Override
    public String target() {
        return "median <= 30 ms";
    }

    @Override
    public List<Row> run(BenchContext context) {
        BenchContext.Dataset dataset = context.dataset();
        UUID id = dataset.generated().historyContactId();
        try (Services services = context.openServices()) {
            int emails = 0;
            for (int i = 0; i < context.iterations(15); i++) {
                emails = services.contacts().card(id).emails().size();
            }
            int n = context.iterations(40);
            long[] nanos = new long[n];
            long[] cpu = new long[n];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < n; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                ContactCard card = services.contacts().card(id);
                nanos[i] = System.nanoTime() - start;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
                emails = card.emails().size();
            }
            Stats stats = Stats.ofNanos(nanos, n);
            Stats cpuStats = Stats.ofNanos(cpu, n);
            context.log("B3 median " + Stats.ms(stats.median()) + ", p90 " + Stats.ms(stats.percentile(90))
                    + ", CPU median " + Stats.ms(cpuStats.median()) + ", emails " + emails);
            return List.of(row("median " + Stats.ms(stats.median()) + " (p90 " + Stats.ms(stats.percentile(90))
                            + ", " + emails + " emails)", stats.median() <= 30.0),
                    Row.info("B3.c", "open: CPU time of the calling thread", "median "
                            + Stats.ms(cpuStats.median())));
        }
    }
}
