-- Counts the occupancy of pools in one bucket (or of one pool matched by DNIS alone), first settling every record
-- that is due (holdings.lua, prepended), so that the counts are exact to the millisecond.
--
-- KEYS[1]  "<tag>stats", naming the tag (see holdings.lua)
-- ARGV[1]  cool-down in milliseconds
-- ARGV[2]  how many holdings a holder keeps in its hash field (see allocate.lua)
-- ARGV[3]  how long the bookkeeping keys live after a refresh, in ms (see holdings.lua)
-- ARGV[4…] the pools' names
--
-- Returns per pool {live, busiest, no-shows, exhaustions}: live entries and the most one holder has follow from
-- the histogram of holders by count.

HORIZON = tonumber(ARGV[3])
local now = now_ms()
local counts = {}
for i = 4, #ARGV do
    local pool = ARGV[i]
    while settle_due(pool, now, math.floor(now / 1000), tonumber(ARGV[2]), tonumber(ARGV[1]), 1000) do
    end
    -- The counters of earlier releases (one stats hash for all pools, a field per pool) carry on here.
    for _, name in ipairs({ 'noshows', 'exhaustions' }) do
        local earlier = redis.call('HGET', KEYS[1], name .. ':' .. pool)
        if earlier then
            redis.call('HINCRBY', stats(pool), name, earlier)
            redis.call('PEXPIRE', stats(pool), HORIZON)
            redis.call('HDEL', KEYS[1], name .. ':' .. pool)
        end
    end
    -- The occupancy sets of earlier releases (a member per entry): nothing reads them any more, so they go.
    for _, old in ipairs({ P .. 'live:' .. pool, P .. 'callers:' .. pool, KEYS[1] }) do
        if redis.call('PTTL', old) == -1 then
            redis.call('PEXPIRE', old, 86400000)
        end
    end
    local c = { 0, 0, 0, 0 }
    local fields = redis.call('HGETALL', stats(pool))
    for f = 1, #fields, 2 do
        local name, n = fields[f], tonumber(fields[f + 1])
        if string.sub(name, 1, 1) == 'k' then
            local held = tonumber(string.sub(name, 2))
            c[1] = c[1] + held * n
            c[2] = math.max(c[2], held)
        elseif name == 'noshows' then
            c[3] = n
        elseif name == 'exhaustions' then
            c[4] = n
        end
    end
    counts[#counts + 1] = c
end
return counts
