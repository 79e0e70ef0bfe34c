package org.cticache.api;

import org.cticache.core.CallTransfers;
import org.cticache.core.NumberPlan;
import org.cticache.core.PoolStatus;
import org.cticache.errors.DomainExceptionMapper;
import org.cticache.errors.ProblemFormatFilter;
import org.cticache.errors.ProblemXmlWriter;
import org.cticache.errors.UnexpectedExceptionMapper;
import org.cticache.errors.WebApplicationExceptionMapper;
import org.cticache.metrics.Metrics;
import org.cticache.pages.ApiDocsResource;
import org.cticache.pages.StatusPageResource;
import org.cticache.security.RoleCheck;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The Jersey application: the resources, wired with what the listener built, our error mappers and XML writers. */
public final class CtiCacheApplication extends ResourceConfig {

    /**
     * @param poolWarnPercent cticache.pool.warn, which the status page marks on each pool
     * @param contextPath     where the WAR is deployed, for the Location of what a POST created
     */
    public CtiCacheApplication(CallTransfers transfers, NumberPlan numbers, PoolStatus pools, Metrics metrics,
                               int bodyMaxBytes, int poolWarnPercent, String contextPath) {
        register(new DnisAniResource(transfers, numbers, new CreateRequestReader(bodyMaxBytes), contextPath + "/"));
        register(new DnisResource(transfers, numbers));
        register(new HealthResource(transfers));
        register(new PoolsResource(pools));
        register(new MetricsResource(metrics));
        register(new OpenApiResource());
        // The pages for browsers: the API docs and the operators' pool status.
        register(new ApiDocsResource());
        register(new StatusPageResource(poolWarnPercent));
        // Roles by the resource a call reached, whatever spelling of its path got it there.
        register(RoleCheck.class);
        // Jackson's own mappers would answer bad JSON with their own bodies; ours own every error body.
        register(JacksonFeature.withoutExceptionMappers());
        register(new ObjectMapperResolver());
        register(new JsonAnswerWriter());
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
