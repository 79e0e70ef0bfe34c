package org.cticache.core;

/** A live entry's value as the store holds it, and the envelope kept in front of it (see {@link Placement}). */
public record StoredValue(CallData data, String envelope) {
}
