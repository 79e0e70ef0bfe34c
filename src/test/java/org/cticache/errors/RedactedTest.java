package org.cticache.errors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class RedactedTest {

    @Test
    void keepsTypesAndStackFramesButNoMessage() {
        IllegalStateException failure = new IllegalStateException("value 'secret-42' of 1234567890",
                new UncheckedIOException("read 'secret-42'", new IOException("secret-42")));
        failure.addSuppressed(new IllegalArgumentException("secret-42"));

        Redacted redacted = Redacted.of(failure);
        StringWriter printed = new StringWriter();
        redacted.printStackTrace(new PrintWriter(printed));

        assertFalse(printed.toString().contains("secret-42"), printed.toString());
        assertFalse(printed.toString().contains("1234567890"), printed.toString());
        assertEquals("java.lang.IllegalStateException", redacted.toString());
        assertEquals("java.io.UncheckedIOException", redacted.getCause().toString());
        assertEquals("java.io.IOException", redacted.getCause().getCause().toString());
        assertEquals("java.lang.IllegalArgumentException", redacted.getSuppressed()[0].toString());
        assertArrayEquals(failure.getStackTrace(), redacted.getStackTrace());
    }

    @Test
    void describesTheCauseChainByTypeOnly() {
        assertEquals("java.io.UncheckedIOException <- java.io.IOException",
                Redacted.describe(new UncheckedIOException("a", new IOException("READONLY secret-42"))));
    }

    @Test
    void survivesACauseCycle() {
        Exception first = new Exception("one");
        Exception second = new Exception("two", first);
        first.initCause(second);

        assertEquals("java.lang.Exception <- java.lang.Exception", Redacted.describe(first));
        assertEquals("java.lang.Exception", Redacted.of(first).getCause().getCause().toString());
    }
}
