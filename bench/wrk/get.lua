-- GET alone: round-robin over the BENCH_COUNT entries that fill.lua stored in pool bench (one DNIS,
-- BENCH_DNIS), ANIs BENCH_ANI_BASE+1 .. BENCH_ANI_BASE+BENCH_COUNT; each answer must be that ANI's value.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local dnis = assert(os.getenv("BENCH_DNIS"))
local base = tonumber(assert(os.getenv("BENCH_ANI_BASE")))
local count = tonumber(assert(os.getenv("BENCH_COUNT")))
local step = tonumber(os.getenv("BENCH_THREADS") or "1")
local next_k = nil

function request()
  -- Threads start apart, so together they cycle through every entry.
  next_k = (next_k or (id - 1) * math.floor(count / step)) % count + 1
  return bench.call("GET", dnis .. ":" .. string.format("%d", base + next_k))
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    return
  end
  local ani = (bench.header(headers, "X-Request-Id") or ""):match("^get%-[^:]+:(.+)$")
  if ani == nil or body ~= bench.expected_answer(ani) then wrong = wrong + 1 end
end
