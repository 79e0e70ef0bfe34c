package org.cticache.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The ObjectMapper Jersey writes responses with. Its buffers are recycled through a shared pool instead of
 * Jackson's default thread-locals, which would pin the web application's class loader in the container's
 * worker threads after an undeploy (Tomcat's findleaks reports it).
 */
final class ObjectMapperResolver implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = JsonMapper.builder(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build()).build();

    /** The mapper's factory, for the writers that stream their answers ({@link JsonAnswerWriter}). */
    JsonFactory factory() {
        return mapper.getFactory();
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
