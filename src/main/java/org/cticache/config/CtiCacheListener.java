package org.cticache.config;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cticache.audit.AuditLog;
import org.cticache.core.CallDataStore;
import org.cticache.core.CallTransfers;
import org.cticache.core.PoolEvents;
import org.cticache.core.PoolStatus;
import org.cticache.core.PoolWatch;
import org.cticache.crypto.EncryptedCallDataStore;
import org.cticache.metrics.AllocationMetrics;
import org.cticache.metrics.AuditMetrics;
import org.cticache.metrics.Metrics;
import org.cticache.metrics.OccupancyMetrics;
import org.cticache.metrics.RedisMetrics;
import org.cticache.metrics.RequestMetrics;
import org.cticache.store.RedisCallDataStore;

/**
 * Reads the configuration once and builds the object graph at deployment; closes the Redis pool at undeploy.
 * A bad setting fails the deployment, so the container reports the context as failed instead of serving
 * half-configured.
 */
public final class CtiCacheListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(CtiCacheListener.class.getName());

    private RedisCallDataStore store;
    private Metrics metrics;
    private AuditLog audit;

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
        metrics = new Metrics();
        audit = new AuditLog(new AuditMetrics(metrics.registry()));
        PoolWatch watch = new PoolWatch(config.pools(), config.poolWarnPercent() / 100.0);
        RedisMetrics redisMetrics = new RedisMetrics(metrics.registry());
        store = RedisCallDataStore.open(config.redis(), config.keyPrefix(), config.pools(),
                PoolEvents.all(List.of(watch, new AllocationMetrics(metrics.registry(), config.pools()))),
                redisMetrics, config.cooldownSeconds(), config.ttl().maxSeconds());
        redisMetrics.gaugeConnections(metrics.registry(), store::connections);
        PoolStatus pools = new PoolStatus(store, config.pools(), watch);
        new OccupancyMetrics(metrics, config.pools(), pools);
        // Always wrapped: with encryption off the wrapper still refuses encrypted values instead of serving them.
        CallDataStore values = new EncryptedCallDataStore(store, config.cipher());
        new CtiCache(new CallTransfers(values, config.pools(), config.ttl()), config.numbers(), pools, metrics,
                config.bodyMaxBytes(), config.tlsRequired(),
                List.of(audit, new RequestMetrics(metrics.registry())))
                .attachTo(event.getServletContext());
        LOG.info("cticache started: Redis " + config.redis() + ", key prefix '" + config.keyPrefix() + "', pools "
                + config.pools().all().values() + ", ttl default " + config.ttl().defaultSeconds() + " s, max "
                + config.ttl().maxSeconds() + " s, pool warning at " + config.poolWarnPercent() + "%, body max "
                + config.bodyMaxBytes() + " bytes, TLS "
                + (config.tlsRequired() ? "required" : "not required (set cticache.tls.required=true in production)")
                + ", values " + config.cipher());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        CtiCache.detachFrom(event.getServletContext());
        if (audit != null) {
            audit.close();
            audit = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
    }
}
