-- Counts the occupancy of pools in one bucket (or of one pool matched by DNIS alone), first sweeping out entries
-- that expired unclaimed (tracking.lua, prepended).
--
-- KEYS[1]  the stats hash
-- KEYS[2…] per pool: its live set and its callers set
-- ARGV[1]  "dnis" for a pool matched by DNIS alone, "dnis-ani" otherwise
-- ARGV[2…] the pools' names, in the order of KEYS
--
-- Returns per pool {live, busiest, no-shows, exhaustions}: no-shows include expired entries not yet swept.

local now = now_ms()
local counts = {}
for i = 2, #ARGV do
    local live = KEYS[2 * i - 2]
    local callers = nil
    if ARGV[1] ~= 'dnis' then
        callers = KEYS[2 * i - 1]
    end
    local pool = ARGV[i]
    sweep(live, callers, KEYS[1], pool, now, 1000)
    counts[#counts + 1] = {
        redis.call('ZCOUNT', live, '(' .. now, '+inf'),
        busiest(live, callers, now),
        tonumber(redis.call('HGET', KEYS[1], 'noshows:' .. pool) or 0) + redis.call('ZCOUNT', live, '-inf', now),
        tonumber(redis.call('HGET', KEYS[1], 'exhaustions:' .. pool) or 0)
    }
end
return counts
