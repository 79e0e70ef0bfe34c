package org.cticache.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.cticache.core.CallData;

/** The answer to a peek or take: the stored value, written back exactly as it was stored. */
record EntryValue(@JsonRawValue String value) {

    static EntryValue of(CallData data) {
        return new EntryValue(data.json());
    }
}
