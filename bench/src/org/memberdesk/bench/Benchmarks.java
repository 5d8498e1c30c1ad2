package org.memberdesk.bench;

import java.util.List;

/** Every end-to-end benchmark, in table order. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static List<Benchmark> all() {
        return List.of(
                new StartupBench(),
                new SearchBench(),
                SearchBench.postgresql(),
                new OpenBench(),
                new BulkSendBench(),
                new MemoryBench(),
                new ImportBench(),
                CliBench.find(),
                CliBench.resetLink(),
                new FirstContactBench(),
                new LiveChangeBench(),
                LiveChangeBench.postgresql());
    }
}
