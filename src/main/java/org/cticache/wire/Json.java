package org.cticache.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** The one Jackson setup every JSON cticache reads or writes goes through: answers, problems, request bodies. */
public final class Json {

    // Buffers from a shared pool, not Jackson's default thread-locals, which would pin the web application's class
    // loader in the container's worker threads after an undeploy (Tomcat's findleaks reports it).
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build();
    private static final JsonMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private Json() {
    }

    /** The factory, for what streams its JSON. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** The mapper, for records written whole. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A parser that refuses a member given twice, which is ambiguous: neither value is kept. */
    public static JsonParser strictParser(byte[] json) throws IOException {
        JsonParser parser = FACTORY.createParser(json);
        parser.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        return parser;
    }
}
