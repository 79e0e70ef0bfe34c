-- Stores exactly BENCH_COUNT entries through the API, then stops: ANIs BENCH_ANI_BASE+1 .. +BENCH_COUNT, or
-- BENCH_ANI for every one when set (one caller taking that many numbers), split over the threads, in pool
-- BENCH_POOL (empty: the default pool) with ttl BENCH_TTL. A thread stops after its share of answers; wrk's main
-- thread still sleeps out its duration, so each thread drops a marker file in BENCH_DONE_DIR and run.sh
-- interrupts wrk once all are there.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local base = tonumber(assert(os.getenv("BENCH_ANI_BASE")))
local count = tonumber(assert(os.getenv("BENCH_COUNT")))
local threads_n = tonumber(assert(os.getenv("BENCH_THREADS")))
local pool = os.getenv("BENCH_POOL")
if pool == "" then pool = nil end
local ttl = os.getenv("BENCH_TTL")
local ani = os.getenv("BENCH_ANI")
if ani == "" then ani = nil end
local done_dir = assert(os.getenv("BENCH_DONE_DIR"))

local share, issued, answered, stored, finished = 0, 0, 0, 0, false

function init(args)
  -- Thread id takes k = id, id + threads, ...: every k from 1 to count exactly once.
  share = math.floor((count - id) / threads_n) + 1
end

-- wrk calls request() once in the first thread's state to check the script, and throws that request away.
local checked = false

function request()
  if id == 1 and not checked then
    checked = true
    return bench.post(ani or string.format("%d", base + id), pool, ttl)
  end
  if issued < share then
    local k = id + issued * threads_n
    issued = issued + 1
    return bench.post(ani or string.format("%d", base + k), pool, ttl)
  end
  -- A connection that is ready after the share is issued asks something that stores nothing.
  return wrk.format("GET", "/cticache/health")
end

function response(status, headers, body)
  -- Not named id: that is the thread's, which names its marker file.
  local request_id = bench.header(headers, "X-Request-Id")
  if finished or request_id == nil or request_id:sub(1, 5) ~= "post-" then return end
  answered = answered + 1
  if status == 201 then stored = stored + 1 else non2xx = non2xx + 1 end
  if answered == share then
    finished = true
    local f = assert(io.open(done_dir .. "/thread-" .. id, "w"))
    f:write(stored, "\n")
    f:close()
    wrk.thread:stop()
  end
end
