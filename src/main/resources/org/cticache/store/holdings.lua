-- Who holds which DNIS, and the occupancy counts that follow from it: put in front of the scripts that allocate,
-- take and count (Redis has no include). Every key here shares the hash tag of the key the script gets as
-- KEYS[1], "<prefix>{b<bucket>}:stats" or, for a pool matched by DNIS alone, "<prefix>{pool:<name>}:stats", so
-- the bookkeeping is part of the same atomic call in a Redis Cluster too. Keys, below the tag (P):
--
--   stats:<pool>           hash: k<n> (how many holders hold n own live entries: the live entries and the
--                          busiest holder follow from it), noshows, exhaustions, and for a pool matched by DNIS
--                          alone cursor
--   h:<pool>:<v>:<shard>   hash, per holder (the ANI; "" in a pool matched by DNIS alone) of pool version v: its
--                          holdings, "L" followed by one 8-byte item (position uint16, time int48) per held DNIS,
--                          or "H<n>" when it holds more than fit there and they moved to the two keys below.
--                          A positive time is an own live entry's end of life; a negative one, -t, a DNIS
--                          blocked until t (cooling down after a take or expiry, or taken by someone else).
--   q:<pool>:<v>:<holder>  sorted set of a heavy holder: member "<pos>" own live (score end of life plus
--                          cool-down), "-<pos>" blocked (score when it frees up)
--   m:<pool>:<v>:<holder>  bitmap of a heavy holder: bit <pos> set while held, so BITPOS finds a free DNIS at once
--   due:<pool>             hash: per epoch second, "<second>" how many records end in it, "<second>:<chunk>"
--                          the records, at most CHUNK per field so that adding one copies little, and
--                          "<second>:s" the first chunk not settled yet; with the sorted set
--   dueq:<pool>            of those seconds, expiries are counted (no-shows) and forgotten in order, a bounded
--                          number per call
--
-- A record is type ("c": an entry's end of life, "p": a blocked DNIS frees up), version (4 bytes), position
-- (uint16), time (int48, epoch ms), the holder's length (byte) and the holder. Whatever changes a holding from
-- own live to anything else does the counting, once: a take, the holder's next allocation, or the record.
--
-- Every key expires HORIZON ms (the longest an entry and its cool-down can last, plus a day) after it was last
-- refreshed: the holdings on every write, the others whenever a new second of records starts, so that the
-- bookkeeping of a pool no longer configured, or no longer used, goes by itself.

local P = string.sub(KEYS[1], 1, #KEYS[1] - #'stats')
-- Set by the script that runs: the expiry of the bookkeeping keys, in ms.
local HORIZON
local SHARDS = 16
local CHUNK = 32

local function now_ms()
    local t = redis.call('TIME')
    return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function shard(holder)
    local h = 0
    for i = 1, #holder do
        h = (h * 31 + string.byte(holder, i)) % 65536
    end
    return h % SHARDS
end

local function stats(pool)
    return P .. 'stats:' .. pool
end

-- A holder's own live entries went from `from` to `to`: the histogram of holders by count.
local function recount(pool, from, to)
    if from > 0 and redis.call('HINCRBY', stats(pool), 'k' .. from, -1) <= 0 then
        redis.call('HDEL', stats(pool), 'k' .. from)
    end
    if to > 0 then
        redis.call('HINCRBY', stats(pool), 'k' .. to, 1)
    end
end

local function due(pool, type, version, pos, time, holder)
    local second = math.floor(time / 1000)
    local records = P .. 'due:' .. pool
    local n = redis.call('HINCRBY', records, second, 1)
    local chunk = second .. ':' .. math.floor((n - 1) / CHUNK)
    local earlier = redis.call('HGET', records, chunk) or ''
    redis.call('HSET', records, chunk, earlier .. type .. version .. struct.pack('>Hi6B', pos, time, #holder)
            .. holder)
    if n == 1 then
        local queue = P .. 'dueq:' .. pool
        redis.call('ZADD', queue, second, second)
        for _, key in ipairs({ records, queue, stats(pool) }) do
            redis.call('PEXPIRE', key, HORIZON)
        end
    end
end

-- The holdings of one holder in one pool version; `light` caps how many stay in the holder's hash field.
local function load(pool, version, holder, light, cooldown)
    local h = { pool = pool, version = version, holder = holder, light = light, cooldown = cooldown,
                key = P .. 'h:' .. pool .. ':' .. version .. ':' .. shard(holder), items = {}, count = 0 }
    local raw = redis.call('HGET', h.key, holder)
    if raw and string.sub(raw, 1, 1) == 'H' then
        h.heavy = true
        h.count = tonumber(string.sub(raw, 2))
    elseif raw then
        for i = 2, #raw, 8 do
            local pos, time = struct.unpack('>Hi6', raw, i)
            h.items[pos] = time
            h.count = h.count + (time > 0 and 1 or 0)
        end
    end
    h.initial = h.count
    local tail = pool .. ':' .. version .. ':' .. holder
    h.q, h.m = P .. 'q:' .. tail, P .. 'm:' .. tail
    return h
end

local function heavy_put(h, pos, time)
    if time > 0 then
        redis.call('ZADD', h.q, time + h.cooldown, pos)
    else
        redis.call('ZADD', h.q, -time, '-' .. pos)
    end
    redis.call('SETBIT', h.m, pos, 1)
end

-- Writes the holdings back and counts the change in own live entries; past `light` items they move to q and m.
local function save(h)
    -- A call that changed nothing (a 503, say) writes nothing.
    if not h.changed then
        return
    end
    if h.count ~= h.initial then
        recount(h.pool, h.initial, h.count)
    end
    if not h.heavy then
        local packed, n = { 'L' }, 0
        for pos, time in pairs(h.items) do
            packed[#packed + 1] = struct.pack('>Hi6', pos, time)
            n = n + 1
        end
        if n <= h.light then
            if n == 0 then
                redis.call('HDEL', h.key, h.holder)
            else
                redis.call('HSET', h.key, h.holder, table.concat(packed))
                redis.call('PEXPIRE', h.key, HORIZON)
            end
            return
        end
        for pos, time in pairs(h.items) do
            heavy_put(h, pos, time)
        end
        h.heavy = true
    end
    if h.count == 0 and redis.call('ZCARD', h.q) == 0 then
        redis.call('DEL', h.q, h.m)
        redis.call('HDEL', h.key, h.holder)
    else
        redis.call('HSET', h.key, h.holder, 'H' .. h.count)
        for _, key in ipairs({ h.key, h.q, h.m }) do
            redis.call('PEXPIRE', key, HORIZON)
        end
    end
end

-- The time of the holding at pos: positive an own live entry's end of life, negative a blocked DNIS; or nil.
local function holding(h, pos)
    if not h.heavy then
        return h.items[pos]
    end
    local score = redis.call('ZSCORE', h.q, pos)
    if score then
        return tonumber(score) - h.cooldown
    end
    score = redis.call('ZSCORE', h.q, '-' .. pos)
    return score and -tonumber(score)
end

local function put(h, pos, time)
    h.changed = true
    if time > 0 then
        h.count = h.count + 1
    end
    if h.heavy then
        heavy_put(h, pos, time)
    else
        h.items[pos] = time
    end
end

-- Forgets the holding at pos, whose time is `time`; an own live one leaves the count.
local function drop(h, pos, time)
    h.changed = true
    if time > 0 then
        h.count = h.count - 1
    end
    if h.heavy then
        redis.call('ZREM', h.q, time > 0 and tostring(pos) or '-' .. pos)
        redis.call('SETBIT', h.m, pos, 0)
    else
        h.items[pos] = nil
    end
end

-- An own live entry at pos is over (taken, or expired unclaimed): its DNIS stays blocked until `free`, then a
-- record frees it up.
local function release(h, pos, time, free, now)
    drop(h, pos, time)
    if free > now then
        put(h, pos, -free)
        due(h.pool, 'p', h.version, pos, free, h.holder)
    end
end

local function no_show(h, pos, time, now)
    redis.call('HINCRBY', stats(h.pool), 'noshows', 1)
    release(h, pos, time, time + h.cooldown, now)
end

-- Settles up to `limit` of the holder's own holdings that are over by now.
local function prune(h, now, limit)
    if not h.heavy then
        local over = {}
        for pos, time in pairs(h.items) do
            if math.abs(time) <= now then
                over[pos] = time
            end
        end
        for pos, time in pairs(over) do
            if time > 0 then
                no_show(h, pos, time, now)
            else
                drop(h, pos, time)
            end
        end
        return
    end
    local over = redis.call('ZRANGEBYSCORE', h.q, '-inf', now, 'LIMIT', 0, limit)
    for _, member in ipairs(over) do
        if string.sub(member, 1, 1) == '-' then
            drop(h, tonumber(string.sub(member, 2)), -1)
        else
            redis.call('HINCRBY', stats(h.pool), 'noshows', 1)
            drop(h, tonumber(member), 1)
        end
    end
end

-- Acts on one record that is due: counts an entry that expired unclaimed, frees a DNIS whose block ended.
local function settle(pool, type, version, pos, time, holder, light, cooldown, now)
    local h = load(pool, version, holder, light, cooldown)
    local held = holding(h, pos)
    if type == 'c' and held == time then
        no_show(h, pos, time, now)
    elseif type == 'p' and held and held < 0 and -held <= now then
        drop(h, pos, held)
    else
        return
    end
    save(h)
end

-- Settles one field of records, those due by `now`, up to `limit` of them; returns how many it settled and
-- whether the field is empty now.
local function settle_chunk(pool, records, chunk, now, light, cooldown, limit)
    local raw = redis.call('HGET', records, chunk) or ''
    local kept, settled, i = {}, 0, 1
    while i <= #raw do
        local length = string.byte(raw, i + 13)
        local record = string.sub(raw, i, i + 13 + length)
        local pos, time = struct.unpack('>Hi6', raw, i + 5)
        if time <= now and settled < limit then
            settled = settled + 1
            settle(pool, string.sub(record, 1, 1), string.sub(record, 2, 5), pos, time, string.sub(record, 15),
                    light, cooldown, now)
        else
            kept[#kept + 1] = record
        end
        i = i + 14 + length
    end
    if settled > 0 then
        -- Settling may have added records to this field (a block that ends within its second): they stay.
        local rest = table.concat(kept) .. string.sub(redis.call('HGET', records, chunk) or '', #raw + 1)
        if rest == '' then
            redis.call('HDEL', records, chunk)
        else
            redis.call('HSET', records, chunk, rest)
        end
        return settled, rest == ''
    end
    return 0, raw == ''
end

-- Settles the records of the pool due by `now`, up to `limit` of them, from seconds up to `last`, oldest first.
-- Returns whether some may be left.
local function settle_due(pool, now, last, light, cooldown, limit)
    local records, queue = P .. 'due:' .. pool, P .. 'dueq:' .. pool
    local seconds = redis.call('ZRANGEBYSCORE', queue, '-inf', last, 'LIMIT', 0, 8)
    for _, second in ipairs(seconds) do
        -- Chunks before `first` are settled already: each call starts where the last one left off.
        local start = tonumber(redis.call('HGET', records, second .. ':s') or 0)
        local first, c = start, start
        local last_chunk = math.floor((tonumber(redis.call('HGET', records, second) or 0) - 1) / CHUNK)
        while c <= last_chunk and limit > 0 do
            local settled, gone = settle_chunk(pool, records, second .. ':' .. c, now, light, cooldown, limit)
            limit = limit - settled
            if gone and c == first then
                first = first + 1
            end
            c = c + 1
        end
        if first > last_chunk then
            redis.call('HDEL', records, second, second .. ':s')
            redis.call('ZREM', queue, second)
        elseif first > start then
            redis.call('HSET', records, second .. ':s', first)
        end
        if limit == 0 then
            return true
        end
    end
    return #seconds == 8
end
