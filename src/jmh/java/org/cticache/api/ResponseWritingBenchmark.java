package org.cticache.api;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

/**
 * The cost of writing the JSON answers to a create and to a peek or take, as {@link JsonAnswerWriter} does for
 * Jersey, and as Jersey's generic Jackson provider would: with the application's ObjectMapper, through an
 * ObjectWriter it keeps per type.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ResponseWritingBenchmark {

    /** The kind of value the answer carries: a 100-byte string or a ten-member object. */
    @Param({"string", "object"})
    public String value;

    private final ObjectMapperResolver mapper = new ObjectMapperResolver();
    private final JsonAnswerWriter answerWriter = new JsonAnswerWriter();
    private final ObjectWriter createdWriter = mapper.getContext(CreatedEntry.class).writerFor(CreatedEntry.class);
    private final ObjectWriter valueWriter = mapper.getContext(EntryValue.class).writerFor(EntryValue.class);
    // Stands in for the container's response stream; reset, not reallocated, so only Jackson's work is measured.
    private final ByteArrayOutputStream response = new ByteArrayOutputStream(1024);

    private CreatedEntry created;
    private EntryValue entryValue;

    @Setup
    public void answers() {
        String json = CallDataSamples.of(value);
        created = new CreatedEntry("5551234500", "5551234567", json, "default", 60);
        entryValue = new EntryValue(json);
    }

    @Benchmark
    public int createdEntryStreamed() throws IOException {
        response.reset();
        answerWriter.writeTo(created, CreatedEntry.class, CreatedEntry.class, null, null, null, response);
        return response.size();
    }

    @Benchmark
    public int entryValueStreamed() throws IOException {
        response.reset();
        answerWriter.writeTo(entryValue, EntryValue.class, EntryValue.class, null, null, null, response);
        return response.size();
    }

    @Benchmark
    public int createdEntry() throws IOException {
        response.reset();
        createdWriter.writeValue(response, created);
        return response.size();
    }

    @Benchmark
    public int entryValue() throws IOException {
        response.reset();
        valueWriter.writeValue(response, entryValue);
        return response.size();
    }
}
