-- The scale scenarios' POSTs to pool BENCH_POOL with ttl BENCH_TTL, by one caller in one state (bench/run.sh
-- --scale). BENCH_ANI empty: a fresh caller per POST, holding nothing. BENCH_ANI set: that caller, who holds much
-- of the pool; each 201's entry is DELETEd next (checked, like cycle.lua), so its holdings stay where they were,
-- and a 503 "pool exhausted" counts in full, not as an error.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local pool = assert(os.getenv("BENCH_POOL"))
local ttl = assert(os.getenv("BENCH_TTL"))
local ani = os.getenv("BENCH_ANI")
if ani == "" then ani = nil end

local counter = 0
local deletes = {}

function request()
  local key = table.remove(deletes)
  if key then return bench.call("DELETE", key) end
  if ani then return bench.post(ani, pool, ttl) end
  counter = counter + 1
  -- 6, the run's digits, the thread, a counter: unique in this Redis, at most 32 digits.
  return bench.post("6" .. bench.run .. id .. string.format("%09d", counter), pool, ttl)
end

function response(status, headers, body)
  local kind, rest = (bench.header(headers, "X-Request-Id") or ""):match("^(%l+)%-(.+)$")
  if kind == "post" and status == 503 and body:find("already holds a live entry", 1, true) then
    full = full + 1
  elseif status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif kind == "post" then
    if ani then
      local key = (bench.header(headers, "Location") or ""):match("/cticache/DNIS%-ANI/([^/]+)$")
      if key == nil or key:match(":(.+)$") ~= ani then
        wrong = wrong + 1
      else
        table.insert(deletes, key)
      end
    end
  elseif kind == "del" and body == bench.expected_answer(rest:match(":(.+)$") or "") then
    cycles = cycles + 1
  else
    wrong = wrong + 1
  end
end
