-- Pool occupancy bookkeeping, put in front of the scripts that allocate, take and count (Redis has no include).
-- Per pool and bucket: a "live" sorted set with one member per live entry, scored with its end of life in epoch
-- ms; a "callers" sorted set counting the live entries of each ANI (pools matched by DNIS alone have none); and a
-- "stats" hash counting no-shows and exhaustions. All three sit in the slot of the entries they describe, so the
-- bookkeeping is part of the same atomic call: nothing is counted for an entry that was not stored, or lost.

local function now_ms()
    local t = redis.call('TIME')
    return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

-- One live entry of the ANI is gone; an ANI without any leaves the set.
local function release(callers, ani)
    if tonumber(redis.call('ZINCRBY', callers, -1, ani)) <= 0 then
        redis.call('ZREM', callers, ani)
    end
end

-- Members whose end of life has passed belong to entries that expired unclaimed (a take removes its member):
-- up to limit of them leave the sets and count as no-shows. callers is nil for a pool matched by DNIS alone.
local function sweep(live, callers, stats, pool, now, limit)
    local expired = redis.call('ZRANGEBYSCORE', live, '-inf', now, 'LIMIT', 0, limit)
    if #expired == 0 then
        return
    end
    if callers then
        for _, member in ipairs(expired) do
            release(callers, string.sub(member, string.find(member, ':', 1, true) + 1))
        end
    end
    redis.call('ZREM', live, unpack(expired))
    redis.call('HINCRBY', stats, 'noshows:' .. pool, #expired)
end

-- The most live entries one caller holds in the pool here, or for a pool matched by DNIS alone its live entries:
-- how close the pool is to answering 503.
local function busiest(live, callers, now)
    if callers then
        local top = redis.call('ZREVRANGE', callers, 0, 0, 'WITHSCORES')
        return top[2] and tonumber(top[2]) or 0
    end
    return redis.call('ZCOUNT', live, '(' .. now, '+inf')
end

