package org.cticache.api;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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

/** The cost of reading a typical POST body, from the request's stream to a checked request with the raw value. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CreateRequestReaderBenchmark {

    /** The kind of value the body carries: a 100-byte string or a ten-member object. */
    @Param({"string", "object"})
    public String value;

    // The default cticache.body.max.
    private final CreateRequestReader reader = new CreateRequestReader(16_384);

    private byte[] body;

    @Setup
    public void body() {
        body = ("{\"value\": " + CallDataSamples.of(value) + ", \"ani\": \"(555) 123-4567\", \"pool\": \"default\","
                + " \"ttl\": 60}").getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public CreateRequest read() {
        return reader.read("application/json", body.length, new ByteArrayInputStream(body));
    }
}
