package org.cticache.config;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cticache.audit.AuditLog;
import org.cticache.core.CallTransfers;
import org.cticache.store.RedisCallDataStore;

/**
 * Reads the configuration once and builds the object graph at deployment; closes the Redis pool at undeploy.
 * A bad setting fails the deployment, so the container reports the context as failed instead of serving
 * half-configured.
 */
public final class CtiCacheListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(CtiCacheListener.class.getName());

    private RedisCallDataStore store;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Settings settings = Settings.of(event.getServletContext());
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
        store = RedisCallDataStore.open(config.redis(), config.keyPrefix(), config.cooldownSeconds());
        new CtiCache(new CallTransfers(store, config.pools(), config.ttl()), config.numbers(), config.bodyMaxBytes(),
                config.tlsRequired(), List.of(new AuditLog())).attachTo(event.getServletContext());
        LOG.info("cticache started: Redis " + config.redis() + ", key prefix '" + config.keyPrefix() + "', pools "
                + config.pools().all().values() + ", ttl default " + config.ttl().defaultSeconds() + " s, max "
                + config.ttl().maxSeconds() + " s, body max " + config.bodyMaxBytes() + " bytes, TLS "
                + (config.tlsRequired() ? "required" : "not required (set cticache.tls.required=true in production)"));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        CtiCache.detachFrom(event.getServletContext());
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
