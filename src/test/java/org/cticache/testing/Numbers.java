package org.cticache.testing;

import java.util.concurrent.atomic.AtomicLong;

/** Caller numbers no other test uses, so tests sharing one Redis never see each other's entries. */
public final class Numbers {

    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() % 1_000_000L * 1000);

    private Numbers() {
    }

    /** A fresh 10-digit ANI. */
    public static String uniqueAni() {
        return String.format("9%09d", NEXT.incrementAndGet() % 1_000_000_000L);
    }
}
