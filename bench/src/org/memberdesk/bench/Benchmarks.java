package org.memberdesk.bench;

import java.util.List;

/** Every end-to-end benchmark, in table order. B1, B4 and B6 are the extension points still open. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static List<Benchmark> all() {
        return List.of(
                new StartupBench(),
                new SearchBench(),
                new OpenBench(),
                new NotYetMeasured("B4", "bulk: workflow queues 10,000 welcome emails, outbox delivers to GreenMail",
                        ">= 0.5x raw Angus Mail"),
                new MemoryBench(),
                new NotYetMeasured("B6", "import: CSV of 100,000 contacts with offer grants", "<= 10 s, UI responsive"));
    }
}
