-- Allocates a DNIS atomically (holdings.lua, prepended): the first DNIS from the pool's rotation point that the
-- holder does not hold, found from its holdings without probing, gets the value with SET NX, which never
-- overwrites a live entry, also one this bookkeeping does not know (written by another pool version or an older
-- release: such a DNIS is then recorded as blocked until that key expires, and the search goes on).
--
-- KEYS[1]  "<tag>stats", naming the holder's tag (see holdings.lua)
-- KEYS[2]  the pool's numbers: one string, each number padded with spaces to ARGV[7] bytes, in pool order
-- ARGV[1]  value (JSON text, its ciphertext, or a reservation that fill.lua replaces)
-- ARGV[2]  ttl in milliseconds
-- ARGV[3]  cool-down in milliseconds, 0 for none: the key then outlives the entry by that long
-- ARGV[4]  the pool's name
-- ARGV[5]  the pool's version: 4 characters naming its numbers in their order
-- ARGV[6]  pool size
-- ARGV[7]  width of one number in KEYS[2]
-- ARGV[8]  the holder: the ANI, or "" for a pool matched by DNIS alone
-- ARGV[9]  the ANI kept in the value for a pool matched by DNIS alone, "" otherwise
-- ARGV[10] idempotency key, "" for none
-- ARGV[11] fingerprint of the request the idempotency key came with
-- ARGV[12] how many holdings a holder keeps in its hash field before they move to a bitmap (0: always there)
-- ARGV[13] where to start in the pool (0-based), the calling instance's rotation; a pool matched by DNIS alone
--          ignores it and rotates in its stats hash, shared by every instance
-- ARGV[14] how long the bookkeeping keys live after a refresh, in ms (see holdings.lua)
--
-- With a cool-down or an ANI to keep, the value is stored as "\0<end of life, epoch ms or empty>\0<ani>\0<value>"
-- (see read.lua); otherwise as the value alone.
--
-- Returns {"new", dnis, how many live entries the holder has now, the envelope stored in front of the value ("" for
-- none)}; {"again", dnis} for an idempotency key seen before with the same
-- fingerprint; {"conflict"} when that key came with another fingerprint; {"full", ms} when every DNIS is held
-- for this holder, ms until the first frees up; {"nopool"} when KEYS[2] is missing (then nothing was stored; the
-- bookkeeping may have settled what was due).

local ttl_ms, cooldown = tonumber(ARGV[2]), tonumber(ARGV[3])
local pool, version, size, width = ARGV[4], ARGV[5], tonumber(ARGV[6]), tonumber(ARGV[7])
local holder, light = ARGV[8], tonumber(ARGV[12])
HORIZON = tonumber(ARGV[14])
-- An ANI's entries are "<P><ani>:<dnis>", a pool matched by DNIS alone's "<P><dnis>".
local entries = holder == '' and P or P .. holder .. ':'
-- Foreign keys one call records before it gives up: bounds the call while the holdings learn of them.
local FOREIGN_MAX = 16

local idempotency_key = nil
if ARGV[10] ~= '' then
    idempotency_key = entries .. 'idempotency:' .. ARGV[10]
    local earlier = redis.call('GET', idempotency_key)
    if earlier then
        local space = string.find(earlier, ' ', 1, true)
        if string.sub(earlier, 1, space - 1) == ARGV[11] then
            return { 'again', string.sub(earlier, space + 1) }
        end
        return { 'conflict' }
    end
end

local now = now_ms()
settle_due(pool, now, math.floor(now / 1000) - 1, light, cooldown, 4)
local h = load(pool, version, holder, light, cooldown)
prune(h, now, 32)
local ends = now + ttl_ms

local envelope = ''
if cooldown > 0 or ARGV[9] ~= '' then
    local life = ''
    if cooldown > 0 then
        life = string.format('%d', ends)
    end
    envelope = '\0' .. life .. '\0' .. ARGV[9] .. '\0'
end
local value = envelope .. ARGV[1]

-- The first position from `start` on, wrapping around, that the holder does not hold; nil when it holds all.
local function free_from(start)
    if not h.heavy then
        local pos = start
        for _ = 0, size - 1 do
            if not h.items[pos] then
                return pos
            end
            pos = (pos + 1) % size
        end
        return nil
    end
    local byte = math.floor(start / 8)
    local bits = redis.call('GETRANGE', h.m, byte, byte)
    if bits == '' then
        return start
    end
    local b = string.byte(bits)
    for pos = start, math.min(byte * 8 + 7, size - 1) do
        if math.floor(b / 2 ^ (7 - pos % 8)) % 2 == 0 then
            return pos
        end
    end
    local after = redis.call('BITPOS', h.m, 0, byte + 1)
    if after == -1 then
        after = (byte + 1) * 8
    end
    if after < size then
        return after
    end
    local wrapped = redis.call('BITPOS', h.m, 0)
    if wrapped < start then
        return wrapped
    end
    return nil
end

-- When the first held DNIS frees up, in ms from now.
local function soonest()
    local first = nil
    if h.heavy then
        local lowest = redis.call('ZRANGE', h.q, 0, 0, 'WITHSCORES')
        first = tonumber(lowest[2])
    else
        for _, time in pairs(h.items) do
            local free = time > 0 and time + cooldown or -time
            if not first or free < first then
                first = free
            end
        end
    end
    return math.max(1, (first or now + 1000) - now)
end

local start = tonumber(ARGV[13])
if holder == '' then
    start = tonumber(redis.call('HGET', stats(pool), 'cursor') or 0) % size
end
for _ = 1, FOREIGN_MAX do
    local pos = free_from(start)
    if not pos then
        redis.call('HINCRBY', stats(pool), 'exhaustions', 1)
        save(h)
        return { 'full', soonest() }
    end
    local dnis = string.match(redis.call('GETRANGE', KEYS[2], pos * width, pos * width + width - 1), '%S+')
    if not dnis then
        save(h)
        return { 'nopool' }
    end
    local key = entries .. dnis
    if redis.call('SET', key, value, 'NX', 'PX', ttl_ms + cooldown) then
        if idempotency_key then
            redis.call('SET', idempotency_key, ARGV[11] .. ' ' .. dnis, 'PX', ttl_ms)
        end
        put(h, pos, ends)
        -- Saved first: it creates the pool's stats, which a record's first second then sets to expire.
        save(h)
        due(pool, 'c', version, pos, ends, holder)
        if holder == '' then
            redis.call('HSET', stats(pool), 'cursor', (pos + 1) % size)
        end
        return { 'new', dnis, h.count, envelope }
    end
    -- 0 is a key in its last millisecond (the script's clock stands at its start, TIME moves on): free now, not
    -- blocked for a whole new lifetime. Only a key without expiry (-1) counts as living that long.
    local left = redis.call('PTTL', key)
    local free = now + (left >= 0 and left or ttl_ms + cooldown)
    put(h, pos, -free)
    due(pool, 'p', version, pos, free, holder)
    start = (pos + 1) % size
end
save(h)
return { 'full', 1000 }
