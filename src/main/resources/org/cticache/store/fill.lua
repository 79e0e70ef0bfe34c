-- Replaces an allocation's reservation with its value, keeping the key's expiry: only while the entry holds exactly
-- that reservation, so a value never lands on an entry that was taken, expired or allocated anew in between.
--
-- KEYS[1]  the entry's key
-- ARGV[1]  the reservation as allocate.lua stored it, envelope included
-- ARGV[2]  the entry to store instead, the same envelope in front of the value
--
-- Returns 1 when stored, 0 when the reservation was gone.

if redis.call('GET', KEYS[1]) ~= ARGV[1] then
    return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
return 1
