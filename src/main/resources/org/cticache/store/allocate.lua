-- Allocates a DNIS atomically: stores the value under the first candidate key that holds no live entry (and is not
-- cooling down), never overwriting one, and records it in the pool's occupancy (tracking.lua, prepended).
--
-- KEYS[1]  the candidates' key prefix: the ANI's, "<prefix>{b<bucket>}:<ani>:", or for a pool matched by DNIS
--          alone the pool's, "<prefix>{pool:<name>}:". Every key this script touches shares KEYS[1]'s hash tag
--          and therefore its Redis Cluster slot: KEYS[1] .. something, or one of the keys below.
-- KEYS[2]  the pool's live set here, KEYS[3] its callers set (unused for a pool matched by DNIS alone),
-- KEYS[4]  the stats hash
-- ARGV[1]  value (JSON text)
-- ARGV[2]  ttl in seconds
-- ARGV[3]  start index into the pool (0-based): the rotation point of the calling instance
-- ARGV[4]  pool size
-- ARGV[5]  cool-down in milliseconds, 0 for none: the key then outlives the entry by that long
-- ARGV[6]  idempotency key, "" for none
-- ARGV[7]  fingerprint of the request the idempotency key came with
-- ARGV[8]  the caller's ANI for a pool matched by DNIS alone, "" otherwise
-- ARGV[9]  the pool's name
-- ARGV[10] the caller's ANI for a pool matched by DNIS and ANI, "" otherwise
-- ARGV[11…] the pool as runs of consecutive numbers, four arguments each: head, tail width, first tail, count
--
-- With a cool-down or an ANI to keep, the value is stored as "\0<end of life, epoch ms or empty>\0<ani>\0<value>"
-- (see read.lua); otherwise as the value alone.
--
-- Returns {"new", dnis, busiest} with the pool's pressure after this allocation (see busiest in tracking.lua);
-- {"again", dnis} for an idempotency key seen before with the same fingerprint; {"conflict"} when that key came
-- with another fingerprint; {"full", ms} when every DNIS is taken for this ANI, ms until the first frees up.

local ttl_ms = tonumber(ARGV[2]) * 1000
local cooldown_ms = tonumber(ARGV[5])
local pool = ARGV[9]
local caller = ARGV[10]
local live, stats = KEYS[2], KEYS[4]
local callers = nil
if caller ~= '' then
    callers = KEYS[3]
end

local idempotency_key = nil
if ARGV[6] ~= '' then
    idempotency_key = KEYS[1] .. 'idempotency:' .. ARGV[6]
    local earlier = redis.call('GET', idempotency_key)
    if earlier then
        local space = string.find(earlier, ' ', 1, true)
        if string.sub(earlier, 1, space - 1) == ARGV[7] then
            return { 'again', string.sub(earlier, space + 1) }
        end
        return { 'conflict' }
    end
end

local now = now_ms()
sweep(live, callers, stats, pool, now, 32)
local ends = now + ttl_ms

local value = ARGV[1]
if cooldown_ms > 0 or ARGV[8] ~= '' then
    local life = ''
    if cooldown_ms > 0 then
        life = string.format('%d', ends)
    end
    value = '\0' .. life .. '\0' .. ARGV[8] .. '\0' .. value
end

local runs = {}
for i = 11, #ARGV, 4 do
    runs[#runs + 1] = { head = ARGV[i], format = '%0' .. ARGV[i + 1] .. 'd',
                        first = tonumber(ARGV[i + 2]), count = tonumber(ARGV[i + 3]) }
end

local size = tonumber(ARGV[4])
local run, offset = 1, tonumber(ARGV[3])
while offset >= runs[run].count do
    offset = offset - runs[run].count
    run = run + 1
end

local soonest = nil
for _ = 1, size do
    local r = runs[run]
    local dnis = r.head .. string.format(r.format, r.first + offset)
    local key = KEYS[1] .. dnis
    if redis.call('SET', key, value, 'NX', 'PX', ttl_ms + cooldown_ms) then
        if idempotency_key then
            redis.call('SET', idempotency_key, ARGV[7] .. ' ' .. dnis, 'PX', ttl_ms)
        end
        if callers then
            redis.call('ZADD', live, ends, dnis .. ':' .. caller)
            redis.call('ZINCRBY', callers, 1, caller)
        else
            redis.call('ZADD', live, ends, dnis)
        end
        return { 'new', dnis, busiest(live, callers, now) }
    end
    local left = redis.call('PTTL', key)
    if left > 0 and (soonest == nil or left < soonest) then
        soonest = left
    end
    offset = offset + 1
    if offset == r.count then
        offset = 0
        run = run % #runs + 1
    end
end
redis.call('HINCRBY', stats, 'exhaustions:' .. pool, 1)
return { 'full', soonest or 1000 }
