package org.cticache.store;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cticache.core.DnisPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The cost of encoding a 1000-number pool for the allocation script, as one range and as no range at all. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PoolEncodingBenchmark {

    /** One range encodes to one run of four arguments; every other number, the worst case, to 1000 runs. */
    @Param({"range", "scattered"})
    public String shape;

    private DnisPool pool;

    @Setup
    public void pool() {
        String definition = shape.equals("range") ? "5551234000-5551234999"
                : IntStream.range(0, 1000).mapToObj(i -> Long.toString(5551230000L + 2L * i))
                        .collect(Collectors.joining(","));
        pool = DnisPool.parse("default", definition);
    }

    @Benchmark
    public List<String> encode() {
        return PoolEncoding.encode(pool);
    }
}
