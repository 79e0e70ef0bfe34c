package org.cticache.api;

import jakarta.servlet.ServletContext;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.internal.spi.ExtendedServletContainerProvider;
import org.glassfish.jersey.servlet.internal.spi.RequestScopedInitializerProvider;

/**
 * Stops Jersey from making the servlet request and response injectable on every call, which nothing in cticache
 * injects: by default each call looks up two request-scoped references through HK2, sets them, and releases them
 * with the request scope, a measurable share of a call's time. Found by Jersey's
 * ServiceFinder from META-INF/services. A resource that injected {@code @Context HttpServletRequest} would get
 * null: read what the servlet filters put in the request's attributes instead.
 */
public final class NoServletInjection implements ExtendedServletContainerProvider {

    @Override
    public RequestScopedInitializerProvider getRequestScopedInitializerProvider() {
        return context -> null;
    }

    @Override
    public boolean bindsServletRequestResponse() {
        return false;
    }

    @Override
    public void preInit(ServletContext servletContext, Set<Class<?>> classes) {
        // Nothing to add to the container's start-up.
    }

    @Override
    public void postInit(ServletContext servletContext, Set<Class<?>> classes, Set<String> servletNames) {
        // Nor after it.
    }

    @Override
    public void onRegister(ServletContext servletContext, Set<String> servletNames) {
        // Nor when Jersey's servlet is registered.
    }

    @Override
    public void configure(ResourceConfig resourceConfig) {
        // The application configures itself (CtiCacheApplication).
    }
}
