-- Counts the occupancy of pools in one bucket (or of one pool matched by DNIS alone), first settling every record
-- that is due (holdings.lua, prepended), so that the counts are exact to the millisecond.
--
-- KEYS[1]  the stats key of the tag
-- ARGV[1]  cool-down in milliseconds
-- ARGV[2]  how many holdings a holder keeps in its hash field (see allocate.lua)
-- ARGV[3…] the pools' names
--
-- Returns per pool {live, busiest, no-shows, exhaustions}: live entries and the most one holder has follow from
-- the histogram of holders by count.

local now = now_ms()
local pools = {}
for i = 3, #ARGV do
    local pool = ARGV[i]
    while settle_due(pool, now, math.floor(now / 1000), tonumber(ARGV[2]), tonumber(ARGV[1]), 1000) do
    end
    pools[pool] = { 0, 0, 0, 0 }
    -- The occupancy sets of earlier releases (a member per entry): nothing reads them any more, so they go.
    for _, old in ipairs({ P .. 'live:' .. pool, P .. 'callers:' .. pool }) do
        if redis.call('PTTL', old) == -1 then
            redis.call('PEXPIRE', old, 86400000)
        end
    end
end
local stats = redis.call('HGETALL', STATS)
for i = 1, #stats, 2 do
    local name, pool = string.match(stats[i], '^([^:]+):(.*)$')
    local c = pools[pool]
    local n = tonumber(stats[i + 1])
    if c and string.sub(name, 1, 1) == 'k' then
        local held = tonumber(string.sub(name, 2))
        c[1] = c[1] + held * n
        c[2] = math.max(c[2], held)
    elseif c and name == 'noshows' then
        c[3] = n
    elseif c and name == 'exhaustions' then
        c[4] = n
    end
end
local counts = {}
for i = 3, #ARGV do
    counts[#counts + 1] = pools[ARGV[i]]
end
return counts
