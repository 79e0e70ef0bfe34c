package org.cticache.core;

/** The data system X hands over, kept as the exact JSON text of the request's {@code value}. */
public record CallData(String json) {
}
