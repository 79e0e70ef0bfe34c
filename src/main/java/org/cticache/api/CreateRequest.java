package org.cticache.api;

import org.cticache.core.Ani;
import org.cticache.core.CallData;

/** A checked POST body: whom the data belongs to, the data, and the optional pool and ttl (null when omitted). */
record CreateRequest(Ani ani, CallData value, String pool, Long ttl) {
}
