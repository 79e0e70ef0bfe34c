package org.cticache.crypto;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The cost encryption adds to a create (seal) and to a peek or take (open) of a 100-byte value. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
// AES-GCM reaches its steady speed only after about four seconds on a 2-core machine.
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ValueCipherBenchmark {

    private final ValueCipher cipher = ValueCipher.of(key());

    // A JSON string of 100 bytes, and the context the store binds an entry's value to: its caller.
    private String json = "\"acct=4111222233334444;lang=en-US;intent=billing;auth=pin;attempts=2;queue=gold;"
            + "menu=1-3-2;sess=8f3a2\"";
    private String context = "ani:5551234567";
    private String sealed;

    private static byte[] key() {
        byte[] key = new byte[ValueCipher.KEY_BYTES];
        IntStream.range(0, key.length).forEach(i -> key[i] = (byte) i);
        return key;
    }

    @Setup
    public void sealOnce() {
        sealed = cipher.seal(json, context);
    }

    @Benchmark
    public String seal() {
        return cipher.seal(json, context);
    }

    @Benchmark
    public String open() throws UnreadableValueException {
        return cipher.open(sealed, context);
    }
}
