package org.memberdesk.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.memberdesk.domain.MintedToken;
import org.memberdesk.service.credentials.Tokens;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** SHA-256 of a link token, done on every link opened or submitted, and minting a fresh one. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenHashBenchmark {

    private final String raw = Tokens.mint().raw();

    @Benchmark
    public String hash() {
        return Tokens.hash(raw);
    }

    @Benchmark
    public MintedToken mint() {
        return Tokens.mint();
    }
}
