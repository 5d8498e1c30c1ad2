package org.memberdesk.bench;

import java.util.List;
import java.util.UUID;
import org.memberdesk.service.ContactCard;
import org.memberdesk.service.Services;

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
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                ContactCard card = services.contacts().card(id);
                nanos[i] = System.nanoTime() - start;
                emails = card.emails().size();
            }
            Stats stats = Stats.ofNanos(nanos, n);
            context.log("B3 median " + Stats.ms(stats.median()) + ", p90 " + Stats.ms(stats.percentile(90))
                    + ", emails " + emails);
            return List.of(row("median " + Stats.ms(stats.median()) + " (p90 " + Stats.ms(stats.percentile(90))
                    + ", " + emails + " emails)", stats.median() <= 30.0));
        }
    }
}
