package org.cticache.api;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Context;
import org.cticache.config.CtiCache;
import org.cticache.errors.DomainExceptionMapper;
import org.cticache.errors.ProblemFormatFilter;
import org.cticache.errors.ProblemXmlWriter;
import org.cticache.errors.UnexpectedExceptionMapper;
import org.cticache.errors.WebApplicationExceptionMapper;
import org.cticache.security.RoleCheck;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The Jersey application: the resources, wired with what the listener built, our error mappers and XML writers. */
public final class CtiCacheApplication extends ResourceConfig {

    public CtiCacheApplication(@Context ServletContext context) {
        CtiCache ctiCache = CtiCache.of(context);
        register(new DnisAniResource(ctiCache.transfers(), ctiCache.numbers(),
                new CreateRequestReader(ctiCache.bodyMaxBytes()), context.getContextPath() + "/"));
        register(new DnisResource(ctiCache.transfers(), ctiCache.numbers()));
        register(new HealthResource(ctiCache.transfers()));
        register(new PoolsResource(ctiCache.pools()));
        register(new MetricsResource(ctiCache.metrics()));
        register(new OpenApiResource());
        // Roles by the resource a call reached, whatever spelling of its path got it there.
        register(RoleCheck.class);
        // Jackson's own mappers would answer bad JSON with their own bodies; ours own every error body.
        register(JacksonFeature.withoutExceptionMappers());
        ObjectMapperResolver json = new ObjectMapperResolver();
        register(json);
        register(new JsonAnswerWriter(json.factory()));
        register(DomainExceptionMapper.class);
        register(WebApplicationExceptionMapper.class);
        register(UnexpectedExceptionMapper.class);
        // XML for clients whose Accept prefers it (VoiceXML browsers); JSON stays the default.
        register(new XmlBodyWriter());
        register(ProblemXmlWriter.class);
        register(ProblemFormatFilter.class);
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // Errors keep our problem+json body instead of being handed to the container's error page.
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
    }
}
