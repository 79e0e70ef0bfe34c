package org.cticache.app;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cticache.config.ConfigException;
import org.cticache.config.CtiCacheConfig;
import org.cticache.config.Settings;

/**
 * Reads the configuration once, builds the object graph at deployment and hands it to the web components it
 * registers; closes the Redis pool at undeploy. A bad setting fails the deployment, so the container reports the
 * context as failed instead of serving half-configured.
 */
public final class CtiCacheListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(CtiCacheListener.class.getName());

    private Services services;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Settings settings = Settings.of(ContextParameters.of(event.getServletContext()));
        Set<String> unknown = CtiCacheConfig.unknownNames(settings);
        if (!unknown.isEmpty()) {
            LOG.warning("cticache: ignoring unknown settings (typos?): " + unknown);
        }
        CtiCacheConfig config;
        try {
            config = CtiCacheConfig.load(settings);
        } catch (ConfigException e) {
            LOG.log(Level.SEVERE, "cticache not started: " + e.getMessage());
            throw e;
        }
        services = Services.open(config);
        WebComponents.register(event.getServletContext(), services, config);
        LOG.info("cticache started: Redis " + config.redis() + ", key prefix '" + config.keyPrefix() + "', pools "
                + config.pools().all().values() + ", ttl default " + config.ttl().defaultSeconds() + " s, max "
                + config.ttl().maxSeconds() + " s, pool warning at " + config.poolWarnPercent() + "%, body max "
                + config.bodyMaxBytes() + " bytes, TLS "
                + (config.tlsRequired() ? "required" : "not required (set cticache.tls.required=true in production)")
                + ", values " + config.cipher() + "; settings given as " + settings.describeWays()
                + ", every other at its default");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (services != null) {
            services.close();
            services = null;
        }
    }
}
