package org.cticache.app;

import java.util.List;
import org.cticache.audit.ApiCallListener;
import org.cticache.audit.AuditLog;
import org.cticache.config.CtiCacheConfig;
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

/** The object graph of one deployment, built from its configuration; closing it lets go of Redis and the rest. */
final class Services implements AutoCloseable {

    final CallTransfers transfers;
    final PoolStatus pools;
    final Metrics metrics;
    final List<ApiCallListener> callListeners;
    private final AuditLog audit;
    private final RedisCallDataStore store;

    private Services(CallTransfers transfers, PoolStatus pools, Metrics metrics, AuditLog audit,
                     RedisCallDataStore store) {
        this.transfers = transfers;
        this.pools = pools;
        this.metrics = metrics;
        this.audit = audit;
        this.store = store;
        this.callListeners = List.of(audit, new RequestMetrics(metrics));
    }

    static Services open(CtiCacheConfig config) {
        Metrics metrics = new Metrics();
        AuditLog audit = new AuditLog(new AuditMetrics(metrics));
        try {
            PoolWatch watch = new PoolWatch(config.pools(), config.poolWarnPercent() / 100.0);
            RedisMetrics redisMetrics = new RedisMetrics(metrics);
            RedisCallDataStore store = RedisCallDataStore.open(config.redis(), config.keyPrefix(), config.pools(),
                    PoolEvents.all(List.of(watch, new AllocationMetrics(metrics, config.pools()))),
                    redisMetrics, config.cooldownSeconds(), config.ttl().maxSeconds());
            redisMetrics.gaugeConnections(metrics, store::connections);
            PoolStatus pools = new PoolStatus(store, config.pools(), watch);
            new OccupancyMetrics(metrics, config.pools(), pools);
            // Always wrapped: with encryption off the wrapper still refuses encrypted values instead of serving them.
            CallTransfers transfers = new CallTransfers(new EncryptedCallDataStore(store, config.cipher()),
                    config.pools(), config.ttl());
            return new Services(transfers, pools, metrics, audit, store);
        } catch (RuntimeException e) {
            audit.close();
            metrics.close();
            throw e;
        }
    }

    @Override
    public void close() {
        audit.close();
        store.close();
        metrics.close();
    }
}
