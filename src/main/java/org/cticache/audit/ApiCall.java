package org.cticache.audit;

import java.time.Instant;

/**
 * One finished API call as the audit log and other listeners see it: every field is safe to log, the caller's
 * number is already masked, and "-" stands for what the call never learned (no pool, DNIS or ANI on bad input).
 */
public record ApiCall(Instant time, String requestId, String user, String operation, String pool, String dnis,
                      String ani, int status, double latencyMillis) {
}
