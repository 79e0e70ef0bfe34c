package org.cticache.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.cticache.core.CallData;

/** The answer to a peek or take: the stored value, written back exactly as it was stored. */
record EntryValue(@JsonRawValue String value) implements JsonAnswer {

    static EntryValue of(CallData data) {
        return new EntryValue(data.json());
    }

    /** The value is JSON text already, written as it was stored. */
    @Override
    public void writeFields(JsonGenerator json) throws IOException {
        json.writeFieldName("value");
        json.writeRawValue(value);
    }
}
