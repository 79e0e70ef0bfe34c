-- Reads (ARGV[1] = "peek") or takes (ARGV[1] = "take") an entry stored with an envelope, or a plain one; a take
-- also removes it from its pool's occupancy (tracking.lua, prepended).
-- The envelope is "\0<end of life, epoch ms, or empty>\0<ani, or empty>\0<value>": the end of life when a
-- cool-down keeps the key beyond the entry, the ANI when the pool is matched by DNIS alone. A take with a
-- cool-down leaves a tombstone ("\0" "0" "\0\0", dead since 1970) that keeps the key taken for the cool-down.
--
-- KEYS[1]  the entry's key
-- KEYS[2…] the live sets of the pools the entry may belong to (a DNIS may be in several), each followed by the
--          pool's callers set when ARGV[5] names a caller
-- ARGV[1]  "peek" or "take"
-- ARGV[2]  cool-down in milliseconds, 0 for none
-- ARGV[3]  the ANI the entry must have come from, "" for any
-- ARGV[4]  the entry's member in a live set: "<dnis>:<ani>", or "<dnis>" in a pool matched by DNIS alone
-- ARGV[5]  the ANI whose count of live entries drops with a take, "" in a pool matched by DNIS alone
--
-- Returns the value, or nil when there is no live entry (for that ANI).

local stored = redis.call('GET', KEYS[1])
if not stored then
    return false
end
local value = stored
if string.byte(stored, 1) == 0 then
    local second = string.find(stored, '\0', 2, true)
    local third = string.find(stored, '\0', second + 1, true)
    local ends = string.sub(stored, 2, second - 1)
    local ani = string.sub(stored, second + 1, third - 1)
    value = string.sub(stored, third + 1)
    if ends ~= '' and tonumber(ends) <= now_ms() then
        return false
    end
    if ARGV[3] ~= '' and ani ~= ARGV[3] then
        return false
    end
end
if ARGV[1] == 'take' then
    if tonumber(ARGV[2]) > 0 then
        redis.call('SET', KEYS[1], '\0' .. '0' .. '\0\0', 'PX', ARGV[2])
    else
        redis.call('DEL', KEYS[1])
    end
    local step = ARGV[5] == '' and 1 or 2
    for i = 2, #KEYS, step do
        if redis.call('ZREM', KEYS[i], ARGV[4]) == 1 and step == 2 then
            release(KEYS[i + 1], ARGV[5])
        end
    end
end
return value
