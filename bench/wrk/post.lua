-- POST alone: a new entry per request in pool "post", a unique ANI each, 100-byte string value, default ttl. A pool
-- of its own: nobody takes these entries, so each expires unclaimed and is counted as a no-show by a later POST in
-- its pool; in the default pool that work would fall to the cycle measured after it.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local counter = 0

function request()
  counter = counter + 1
  -- 7, the run's digits, the thread, a counter: unique in this Redis, at most 32 digits.
  return bench.post("7" .. bench.run .. id .. string.format("%09d", counter), "post")
end

function response(status, headers, body)
  if status ~= 201 then non2xx = non2xx + 1 end
end
