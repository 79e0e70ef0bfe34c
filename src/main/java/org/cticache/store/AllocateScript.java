package org.cticache.store;

import java.util.List;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.Dnis;
import org.cticache.core.IdempotencyKey;
import redis.clients.jedis.Jedis;

/** allocate.lua's argument protocol and replies (the script documents both). */
final class AllocateScript {

    /**
     * How many DNIS a caller's holdings keep in its hash field before they move to a bitmap: 6 items of 8 bytes
     * keep the field within Redis's compact hash encoding (64 bytes by default).
     */
    static final int LIGHT_HOLDINGS = 6;

    private final LuaScript script = Scripts.ALLOCATE;

    /** What an allocation came to. */
    sealed interface Outcome {
    }

    /**
     * Stored, behind {@code envelope}; the holder (the caller, or for a pool matched by DNIS alone the pool) now has
     * {@code held}.
     */
    record Allocated(Dnis dnis, long held, String envelope) implements Outcome {
    }

    /** The idempotency key was seen with the same request: its DNIS. */
    record Again(Dnis dnis) implements Outcome {
    }

    record Conflict() implements Outcome {
    }

    /** Every DNIS is held for this holder; the first frees up in that many ms. */
    record Full(long millisToFirstFree) implements Outcome {
    }

    /**
     * Not a reply of the script but what became of its entry: too few replicas confirmed it, so the store removed
     * it again.
     */
    record Unreplicated(long acknowledged) implements Outcome {
    }

    /** The pool's numbers are not in Redis (first use, expired, flushed): publish them and call again. */
    record NoPool() implements Outcome {
    }

    /** One allocation's parameters. {@code idempotency} may be null. */
    record Request(String statsKey, String numbersKey, PoolNumbers numbers, int start, Ani ani, CallData data,
                   int ttlSeconds, long cooldownMillis, long horizonMillis, IdempotencyKey idempotency) {

        List<String> keys() {
            return List.of(statsKey, numbersKey);
        }

        List<String> args() {
            boolean byDnis = numbers.pool().isMatchedByDnis();
            return List.of(data.json(), Long.toString(ttlSeconds * 1000L), Long.toString(cooldownMillis),
                    numbers.pool().name(), numbers.version(), Integer.toString(numbers.pool().size()),
                    Integer.toString(numbers.width()), byDnis ? "" : ani.value(), byDnis ? ani.value() : "",
                    idempotency == null ? "" : idempotency.key(), idempotency == null ? "" : idempotency.fingerprint(),
                    Integer.toString(byDnis ? 0 : LIGHT_HOLDINGS), Integer.toString(start),
                    Long.toString(horizonMillis));
        }
    }

    Outcome run(Jedis jedis, Request request) {
        List<?> reply = (List<?>) script.run(jedis, request.keys(), request.args());
        return switch ((String) reply.get(0)) {
            case "new" -> new Allocated(new Dnis((String) reply.get(1)), (Long) reply.get(2), (String) reply.get(3));
            case "again" -> new Again(new Dnis((String) reply.get(1)));
            case "conflict" -> new Conflict();
            case "full" -> new Full((Long) reply.get(1));
            case "nopool" -> new NoPool();
            default -> throw new IllegalStateException("allocate.lua answered " + reply);
        };
    }
}
