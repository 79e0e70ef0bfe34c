-- Allocates a DNIS for one ANI atomically: stores the value under the first candidate key that holds no live
-- entry, never overwriting one.
--
-- KEYS[1]  the ANI's key prefix, "<prefix>{<ani>}:". Every key this script writes is KEYS[1] .. dnis, so all
--          share KEYS[1]'s hash tag and therefore its Redis Cluster slot.
-- ARGV[1]  value (JSON text)
-- ARGV[2]  ttl in seconds
-- ARGV[3]  start index into the pool (0-based): the rotation point of the calling instance
-- ARGV[4]  pool size
-- ARGV[5…] the pool as runs of consecutive numbers, four arguments each: head, tail width, first tail, count
--
-- Returns the DNIS stored under, or, when every DNIS already holds a live entry for this ANI, the number of
-- milliseconds until the first of them expires.

local runs = {}
for i = 5, #ARGV, 4 do
    runs[#runs + 1] = { head = ARGV[i], format = '%0' .. ARGV[i + 1] .. 'd',
                        first = tonumber(ARGV[i + 2]), count = tonumber(ARGV[i + 3]) }
end

local size = tonumber(ARGV[4])
local run, offset = 1, tonumber(ARGV[3])
while offset >= runs[run].count do
    offset = offset - runs[run].count
    run = run + 1
end

local soonest = -1
for _ = 1, size do
    local r = runs[run]
    local dnis = r.head .. string.format(r.format, r.first + offset)
    local key = KEYS[1] .. dnis
    if redis.call('SET', key, ARGV[1], 'NX', 'EX', ARGV[2]) then
        return dnis
    end
    local left = redis.call('PTTL', key)
    if left > 0 and (soonest < 0 or left < soonest) then
        soonest = left
    end
    offset = offset + 1
    if offset == r.count then
        offset = 0
        run = run % #runs + 1
    end
end
return soonest
