-- Counts the occupancy of pools in one bucket (or of one pool matched by DNIS alone), first settling every record
-- that is due (holdings.lua, prepended), so that the counts are exact to the millisecond.
--
-- KEYS[1]  the stats key of the tag
-- ARGV[1]  cool-down in milliseconds
-- ARGV[2]  how many holdings a holder keeps in its hash field (see allocate.lua)
-- ARGV[3…] the pools' names
--
-- Returns per pool {live, busiest, no-shows, exhaustions}.

local now = now_ms()
local counts = {}
for i = 3, #ARGV do
    local pool = ARGV[i]
    while settle_due(pool, now, math.floor(now / 1000), tonumber(ARGV[2]), tonumber(ARGV[1]), 1000) do
    end
    local c = redis.call('HMGET', STATS, field('live', pool), field('top', pool), field('noshows', pool),
            field('exhaustions', pool))
    counts[#counts + 1] = { tonumber(c[1] or 0), tonumber(c[2] or 0), tonumber(c[3] or 0), tonumber(c[4] or 0) }
    -- The occupancy sets of earlier releases (a member per entry): nothing reads them any more, so they go.
    for _, old in ipairs({ P .. 'live:' .. pool, P .. 'callers:' .. pool }) do
        if redis.call('PTTL', old) == -1 then
            redis.call('PEXPIRE', old, 86400000)
        end
    end
end
return counts
