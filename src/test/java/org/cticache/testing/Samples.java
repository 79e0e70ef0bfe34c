package org.cticache.testing;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Random inputs for property tests: many samples from a fixed seed, so a failure names the sample that broke the
 * property and the same run reproduces it. (jqwik, the property-test library first chosen, asks AI agents not to
 * use it, and this code is written by one; a seeded generator does what these tests need.)
 */
public final class Samples {

    private final Random random;

    private Samples(long seed) {
        this.random = new Random(seed);
    }

    /** Runs the check on {@code count} samples drawn from one seed; a failure says which sample it was. */
    public static void check(int count, Consumer<Samples> property) {
        Samples samples = new Samples(0x5eed_c71cL);
        for (int i = 0; i < count; i++) {
            try {
                property.accept(samples);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("sample " + i + " of " + count + " (seed 0x5eedc71c): " + e.getMessage(), e);
            }
        }
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public long nextLong() {
        return random.nextLong();
    }

    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    public byte nextByte() {
        return (byte) random.nextInt(256);
    }

    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** Up to {@code max} bytes of any value. */
    public byte[] bytes(int max) {
        byte[] bytes = new byte[random.nextInt(max + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Up to {@code max} characters drawn from {@code alphabet}. */
    public String string(String alphabet, int max) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(max + 1); n > 0; n--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Up to {@code max} code points of any kind: controls, surrogate halves, other planes. */
    public String anyString(int max) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(max + 1); n > 0; n--) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                text.append((char) random.nextInt(0x80));
            } else if (kind == 1) {
                text.append((char) random.nextInt(0x10000));
            } else if (kind == 2) {
                text.appendCodePoint(0x10000 + random.nextInt(0x100000));
            } else {
                text.append((char) (0xD800 + random.nextInt(0x800)));
            }
        }
        return text.toString();
    }
}
