package org.cticache.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cticache.core.Allocation;
import org.cticache.core.Ani;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;
import org.cticache.core.DnisPools;
import org.cticache.core.EntryKey;
import org.cticache.core.MaskedAni;

/** The call in progress: what the audit filter knows, plus the pool, DNIS and caller a resource parsed. */
public final class AuditedCall {

    /**
     * The request attribute holding the call. Its presence also tells a container's access log (Tomcat
     * AccessLogValve {@code conditionUnless}) that the audit log has this request, without its ANI in a path.
     */
    public static final String ATTRIBUTE = "org.cticache.audited";

    /** Carries the request id: the client's, passed through, or the one cticache gave the call. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final String NONE = "-";

    private final DnisPools pools;
    private final String requestId;
    private final String operation;
    private final Instant time;
    private final long startNanos;
    private String pool = NONE;
    private String dnis = NONE;
    private String ani = NONE;

    private AuditedCall(DnisPools pools, String requestId, String operation, Instant time, long startNanos) {
        this.pools = pools;
        this.requestId = requestId;
        this.operation = operation;
        this.time = time;
        this.startNanos = startNanos;
    }

    // The call the audit filter is running on this thread. A resource reaches it here instead of through an
    // injected HttpServletRequest: Jersey resolves every @Context parameter through HK2 on every call, behind a
    // synchronized scope check that concurrent calls queue for. The filter always removes it again, so a
    // container thread never keeps it between requests.
    private static final ThreadLocal<AuditedCall> CURRENT = new ThreadLocal<>();

    /**
     * A call that starts now: its request id the client's {@code X-Request-Id} (may be null) or a fresh one, its
     * operation named from the method and the path below the context path.
     */
    public static AuditedCall begin(DnisPools pools, String requestIdHeader, String method, String path) {
        return new AuditedCall(pools, RequestId.from(requestIdHeader), Operation.of(method, path), Instant.now(),
                System.nanoTime());
    }

    /** The call the audit filter is running on this thread; a detached one, which no log sees, if there is none. */
    public static AuditedCall current() {
        AuditedCall call = CURRENT.get();
        return call != null ? call
                : new AuditedCall(null, RequestId.from(null), Operation.UNKNOWN, Instant.now(), System.nanoTime());
    }

    /** Makes this the current call of the thread until {@link #release()}. */
    public void bind() {
        CURRENT.set(this);
    }

    public static void release() {
        CURRENT.remove();
    }

    public String requestId() {
        return requestId;
    }

    /** Peek or take by key: the pool is the one that lists the DNIS. Returns the key, to pass it on. */
    public EntryKey key(EntryKey key) {
        dnis(key.dnis());
        ani = MaskedAni.of(key.ani().value());
        return key;
    }

    /** Peek or take by DNIS alone. Returns the DNIS, to pass it on. */
    public Dnis dnis(Dnis number) {
        dnis = number.value();
        pool = poolsListing(number);
        return number;
    }

    /** A create about to allocate: the caller, and the pool asked for if it is a configured one. Returns the caller. */
    public Ani creating(Ani caller, String requestedPool) {
        ani = MaskedAni.of(caller.value());
        String name = requestedPool == null ? DnisPools.DEFAULT : requestedPool.toLowerCase(Locale.ROOT);
        // An unknown name is the client's text: it is not repeated here.
        if (pools != null && pools.all().containsKey(name)) {
            pool = name;
        }
        return caller;
    }

    /** A create that succeeded. Returns the allocation, to pass it on. */
    public Allocation allocated(Allocation allocation) {
        pool = allocation.pool();
        dnis = allocation.key().dnis().value();
        ani = MaskedAni.of(allocation.key().ani().value());
        return allocation;
    }

    /** The pools listing the DNIS, comma-separated when several do (a DNIS may be in several pools); else "-". */
    private String poolsListing(Dnis number) {
        List<DnisPool> listing = pools == null ? List.of() : pools.containing(number);
        if (listing.size() == 1) {
            return listing.get(0).name();
        }
        return listing.isEmpty() ? NONE : listing.stream().map(DnisPool::name).collect(Collectors.joining(","));
    }

    /**
     * The finished call, by the authenticated user (may be null); a refused input (400) keeps no numbers, since
     * they were not accepted.
     */
    public ApiCall completed(String user, int status, long endNanos) {
        boolean accepted = status != 400;
        return new ApiCall(time, requestId, UserName.of(user), operation, accepted ? pool : NONE,
                accepted ? dnis : NONE, accepted ? ani : NONE, status, (endNanos - startNanos) / 1_000_000.0);
    }
}
