-- POST alone: a new entry per request in the default pool, a unique ANI each, 100-byte string value, default ttl.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local counter = 0

function request()
  counter = counter + 1
  -- 7, the run's digits, the thread, a counter: unique in this Redis, at most 32 digits.
  return bench.post("7" .. bench.run .. id .. string.format("%09d", counter))
end

function response(status, headers, body)
  if status ~= 201 then non2xx = non2xx + 1 end
end
