package org.cticache.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import org.cticache.wire.Json;

/** Gives Jersey the one mapper of {@link Json}, whose buffers do not outlive an undeploy. */
final class ObjectMapperResolver implements ContextResolver<ObjectMapper> {

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return Json.mapper();
    }
}
