-- Reads (ARGV[1] = "peek") or takes (ARGV[1] = "take") an entry stored with an envelope, or a plain one; a take
-- also settles the holder's holding (holdings.lua, prepended) in the pools the entry may belong to. "remove"
-- undoes an allocation that was never acknowledged (too few replicas confirmed it): the entry, its holding and
-- its idempotency record (KEYS[3]) go as if it had never been stored, with no cool-down and no count.
-- The envelope is "\0<end of life, epoch ms, or empty>\0<ani, or empty>\0<value>": the end of life when a
-- cool-down keeps the key beyond the entry, the ANI when the pool is matched by DNIS alone. A take with a
-- cool-down leaves a tombstone ("\0" "0" "\0\0", dead since 1970) that keeps the key taken for the cool-down.
--
-- KEYS[1]  "<tag>stats", naming the entry's tag (see holdings.lua)
-- KEYS[2]  the entry's key
-- KEYS[3]  for "remove": the idempotency record the allocation wrote, if it had a key; for "take", if the client
--          gave a retry key: where the value taken is kept for KEPT_MS, so that a retry whose answer was lost
--          (the connection cut after Redis ran the take) still gets it
-- ARGV[1]  "peek", "take" or "remove"
-- ARGV[2]  cool-down in milliseconds, 0 for none
-- ARGV[3]  the ANI the entry must have come from, "" for any
-- ARGV[4]  the holder: the ANI, or "" in a pool matched by DNIS alone
-- ARGV[5]  how long the bookkeeping keys live after a refresh, in ms (see holdings.lua)
-- ARGV[6…] per pool the entry may belong to (a DNIS may be in several): its name, version, the DNIS's position
--
-- Returns the stored form, envelope included (an encrypted value is authenticated together with its envelope), or
-- nil when there is no live entry (for that ANI).

local KEPT_MS = 60000
if ARGV[1] == 'take' and KEYS[3] then
    local kept = redis.call('GET', KEYS[3])
    if kept then
        return kept
    end
end
local stored = redis.call('GET', KEYS[2])
if not stored then
    return false
end
local cooldown = tonumber(ARGV[2])
HORIZON = tonumber(ARGV[5])
local now = nil
if string.byte(stored, 1) == 0 then
    local second = string.find(stored, '\0', 2, true)
    local third = string.find(stored, '\0', second + 1, true)
    local ends = string.sub(stored, 2, second - 1)
    local ani = string.sub(stored, second + 1, third - 1)
    if ends ~= '' then
        now = now_ms()
        if tonumber(ends) <= now then
            return false
        end
    end
    if ARGV[3] ~= '' and ani ~= ARGV[3] then
        return false
    end
end
if ARGV[1] == 'remove' then
    redis.call('DEL', KEYS[2], KEYS[3] or KEYS[2])
    for i = 6, #ARGV, 3 do
        local pos = tonumber(ARGV[i + 2])
        local h = load(ARGV[i], ARGV[i + 1], ARGV[4], math.huge, cooldown)
        local held = holding(h, pos)
        if held and held > 0 then
            drop(h, pos, held)
            save(h)
            break
        end
    end
    return stored
end
if ARGV[1] == 'take' then
    if cooldown > 0 then
        redis.call('SET', KEYS[2], '\0' .. '0' .. '\0\0', 'PX', cooldown)
    else
        redis.call('DEL', KEYS[2])
    end
    now = now or now_ms()
    for i = 6, #ARGV, 3 do
        local pos = tonumber(ARGV[i + 2])
        -- A take never adds a holding, so the holder's hash field can hold what it held.
        local h = load(ARGV[i], ARGV[i + 1], ARGV[4], math.huge, cooldown)
        local held = holding(h, pos)
        if held and held > 0 then
            release(h, pos, held, now + cooldown, now)
            save(h)
            break
        end
    end
end
if ARGV[1] == 'take' and KEYS[3] then
    redis.call('SET', KEYS[3], stored, 'PX', KEPT_MS)
end
return stored
