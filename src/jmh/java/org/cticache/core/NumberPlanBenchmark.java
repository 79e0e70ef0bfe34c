package org.cticache.core;

import java.util.Set;
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

/** How long a number from a POST body or a URL path takes to reach its stored form, by separators and by region. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
// libphonenumber's parsing reaches its steady speed only after about four seconds on a 2-core machine.
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class NumberPlanBenchmark {

    private final NumberPlan separatorsOnly = NumberPlan.separatorsOnly();
    private final NumberPlan us = new NumberPlan("US", Set.of());

    // Fields, not literals, so that the compiler cannot fold the work into a constant.
    private String ani = "(555) 123-4567";
    private String key = "555.123.4500:(912)345-6789";

    @Benchmark
    public Ani aniSeparators() {
        return separatorsOnly.ani(ani);
    }

    @Benchmark
    public EntryKey keySeparators() {
        return separatorsOnly.key(key);
    }

    @Benchmark
    public Ani aniRegionUs() {
        return us.ani(ani);
    }

    @Benchmark
    public EntryKey keyRegionUs() {
        return us.key(key);
    }
}
