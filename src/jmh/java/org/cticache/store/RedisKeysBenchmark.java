package org.cticache.store;

import java.util.concurrent.TimeUnit;
import org.cticache.core.Ani;
import org.cticache.core.Dnis;
import org.cticache.core.EntryKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The cost of the Redis key names every call builds, with the default prefix. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RedisKeysBenchmark {

    private final RedisKeys keys = new RedisKeys("cticache:", false);

    private EntryKey key = new EntryKey(new Dnis("5551234500"), new Ani("9123456789"));

    @Benchmark
    public String entry() {
        return keys.entry(key);
    }

    @Benchmark
    public String aniPrefix() {
        return keys.aniPrefix(key.ani());
    }

    @Benchmark
    public int bucket() {
        return RedisKeys.bucket(key.ani());
    }
}
