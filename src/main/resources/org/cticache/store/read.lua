-- Reads (ARGV[1] = "peek") or takes (ARGV[1] = "take") an entry when a cool-down is configured: such a value is
-- "\0<end of life, epoch ms>\0<value>" and its key outlives the entry by the cool-down, keeping the DNIS from
-- being handed out again meanwhile. A taken entry leaves a tombstone ("\0" "0" "\0") for the cool-down.
--
-- KEYS[1]  the entry's key
-- ARGV[1]  "peek" or "take"
-- ARGV[2]  cool-down in milliseconds
--
-- Returns the value, or nil when there is no live entry.

local stored = redis.call('GET', KEYS[1])
if not stored then
    return false
end
if string.byte(stored, 1) ~= 0 then
    if ARGV[1] == 'take' then
        redis.call('DEL', KEYS[1])
    end
    return stored
end
local separator = string.find(stored, '\0', 2, true)
local ends = tonumber(string.sub(stored, 2, separator - 1))
local now = redis.call('TIME')
if ends <= tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) then
    return false
end
if ARGV[1] == 'take' then
    redis.call('SET', KEYS[1], '\0' .. '0' .. '\0', 'PX', ARGV[2])
end
return string.sub(stored, separator + 1)
