package org.cticache.core;

/** The outcome of a successful create: where the call should be transferred and what was stored. */
public record Allocation(EntryKey key, CallData data, String pool, int ttlSeconds) {
}
