package org.cticache.config;

import jakarta.servlet.ServletContext;
import java.util.List;
import org.cticache.audit.ApiCallListener;
import org.cticache.core.CallTransfers;
import org.cticache.core.NumberPlan;
import org.cticache.core.PoolStatus;
import org.cticache.metrics.Metrics;

/** What the HTTP edge needs from start-up, handed over through one typed servlet context attribute. */
public record CtiCache(CallTransfers transfers, NumberPlan numbers, PoolStatus pools, Metrics metrics, int bodyMaxBytes,
                       boolean tlsRequired, List<ApiCallListener> callListeners) {

    private static final String ATTRIBUTE = CtiCache.class.getName();

    void attachTo(ServletContext context) {
        context.setAttribute(ATTRIBUTE, this);
    }

    static void detachFrom(ServletContext context) {
        context.removeAttribute(ATTRIBUTE);
    }

    /** The instance the listener built; fails if the listener did not run, which means web.xml is broken. */
    public static CtiCache of(ServletContext context) {
        Object attribute = context.getAttribute(ATTRIBUTE);
        if (attribute instanceof CtiCache ctiCache) {
            return ctiCache;
        }
        throw new IllegalStateException(CtiCacheListener.class.getName() + " did not run: check web.xml");
    }
}
