package org.cticache.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** A success answer that writes its own JSON body, field by field, through {@link JsonAnswerWriter}. */
interface JsonAnswer {

    void writeFields(JsonGenerator json) throws IOException;
}
