package org.cticache.app;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.EnumSet;
import org.cticache.api.AuditFilter;
import org.cticache.api.CtiCacheApplication;
import org.cticache.config.CtiCacheConfig;
import org.cticache.errors.ErrorPageServlet;
import org.cticache.errors.MalformedHeaderFilter;
import org.cticache.pages.Pages;
import org.cticache.security.MethodSecurityFilter;
import org.cticache.security.Roles;
import org.cticache.security.TransportSecurityFilter;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Registers cticache's filters and servlets, each constructed with what it needs, in the order they run. web.xml
 * keeps what an administrator reads and changes: the settings, the security constraints, the login and the error
 * pages, whose location {@value #ERROR_PAGE} is the error servlet registered here.
 */
final class WebComponents {

    static final String ERROR_PAGE = "/error";

    private WebComponents() {
    }

    static void register(ServletContext context, Services services, CtiCacheConfig config) {
        // First: one audit line per API call and X-Request-Id on every answer; on the error dispatch too, which is
        // the first this filter sees of a call the container refused by itself (401, 403).
        filter(context, "cticache-audit", new AuditFilter(config.pools(), services.callListeners, Pages.resources()),
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        filter(context, "cticache-transport-security", new TransportSecurityFilter(config.tlsRequired()),
                EnumSet.of(DispatcherType.REQUEST));
        filter(context, "cticache-method-security", new MethodSecurityFilter(), EnumSet.of(DispatcherType.REQUEST));
        // Jersey would answer a malformed Content-Type or Accept with a bare 400.
        filter(context, "cticache-malformed-headers", new MalformedHeaderFilter(), EnumSet.of(DispatcherType.REQUEST));

        ServletRegistration.Dynamic api = context.addServlet("cticache-api", new ServletContainer(
                new CtiCacheApplication(services.transfers, config.numbers(), services.pools, services.metrics,
                        config.bodyMaxBytes(), config.poolWarnPercent(), context.getContextPath())));
        api.setLoadOnStartup(1);
        api.addMapping("/*");
        // What the container answers by itself (401, 403, ...) becomes problem+json here.
        context.addServlet("cticache-errors", new ErrorPageServlet(config.tlsRequired(), Roles::refusalOfRequest))
                .addMapping(ERROR_PAGE);
    }

    private static void filter(ServletContext context, String name, Filter filter, EnumSet<DispatcherType> dispatch) {
        FilterRegistration.Dynamic registration = context.addFilter(name, filter);
        registration.addMappingForUrlPatterns(dispatch, true, "/*");
    }
}
