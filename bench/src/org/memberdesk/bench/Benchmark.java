package org.memberdesk.bench;

import java.util.List;

/**
 * One end-to-end benchmark of issue 9's table. Add a new one to {@link Benchmarks#all()}; a
 * benchmark returns its own row and may add information rows (no target) after it.
 */
public interface Benchmark {

    String id();

    String what();

    String target();

    List<Row> run(BenchContext context) throws Exception;

    /** The row of a benchmark this run cannot measure, and why. */
    default Row notRun(String why) {
        return new Row(id(), what(), target(), "not run: " + why, Verdict.NOT_RUN);
    }

    default Row row(String measured, boolean pass) {
        return new Row(id(), what(), target(), measured, pass ? Verdict.PASS : Verdict.FAIL);
    }
}
