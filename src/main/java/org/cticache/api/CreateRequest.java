package org.cticache.api;

import org.cticache.core.CallData;

/**
 * A checked POST body: the caller's number as sent (null when absent: the number plan decides whether a withheld
 * caller is accepted), the data, and the optional pool and ttl (null when omitted).
 */
record CreateRequest(String ani, CallData value, String pool, Long ttl) {
}
