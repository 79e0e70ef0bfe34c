package org.cticache.audit;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The cost the audit log adds to every call: the masked caller's number and the request id. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AuditBenchmark {

    private String ani = "5551234567";
    private String clientRequestId = "c0a80101-1f2e-4d3c-9b8a-7f6e5d4c3b2a";
    // Null as a field, not a literal, like the header of a real call.
    private String noRequestId;

    @Benchmark
    public String maskedAni() {
        return MaskedAni.of(ani);
    }

    @Benchmark
    public String requestIdFromClient() {
        return RequestId.from(clientRequestId);
    }

    /** A call without X-Request-Id gets a fresh random UUID. */
    @Benchmark
    public String requestIdFresh() {
        return RequestId.from(noRequestId);
    }
}
