-- Shared by every wrk script of bench/run.sh (loaded with dofile; wrk scripts have no module path of their own).
-- Each wrk thread runs its own Lua state: the counters below are per thread, and done() sums them through the
-- thread objects that setup() kept.

local env = os.getenv

bench = {
  auth = "Basic " .. assert(env("BENCH_AUTH"), "BENCH_AUTH (base64 user:password) is not set"),
  -- Digits that make this wrk run's ANIs differ from every other run's against the same Redis.
  run = env("BENCH_RUN") or "0000",
}

-- The call data posted for an ANI: 100 bytes, derived from the ANI, so a GET or DELETE can check what it got
-- without remembering what was posted.
function bench.value_for(ani)
  local v = "v" .. ani .. "-"
  return v .. string.rep("x", 100 - #v)
end

function bench.post_body(ani, pool, ttl)
  local body = '{"value":"' .. bench.value_for(ani) .. '","ani":"' .. ani .. '"'
  if pool then body = body .. ',"pool":"' .. pool .. '"' end
  if ttl then body = body .. ',"ttl":' .. ttl end
  return body .. "}"
end

function bench.expected_answer(ani)
  return '{"value":"' .. bench.value_for(ani) .. '"}'
end

function bench.post(ani, pool, ttl)
  return wrk.format("POST", "/cticache/DNIS-ANI", {
    ["Authorization"] = bench.auth,
    ["Content-Type"] = "application/json",
    ["X-Request-Id"] = "post-" .. ani,
  }, bench.post_body(ani, pool, ttl))
end

-- key is "<dnis>:<ani>"; the request id names the call and its key, so response() knows what it answers.
function bench.call(method, key)
  local tag = method == "GET" and "get-" or "del-"
  return wrk.format(method, "/cticache/DNIS-ANI/" .. key, {
    ["Authorization"] = bench.auth,
    ["X-Request-Id"] = tag .. key,
  })
end

-- Header names arrive as the server spelled them: the usual spelling first (cheap), then any other.
function bench.header(headers, name)
  local value = headers[name]
  if value then return value end
  local wanted = string.lower(name)
  for other, v in pairs(headers) do
    if string.lower(other) == wanted then return v end
  end
  return nil
end

-- Per-thread counters; a response outside 2xx and a wrong value are both errors. full counts the 503 "pool
-- exhausted" answers a script expects, which are not errors.
non2xx, wrong, cycles, full = 0, 0, 0, 0

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

-- One machine-readable line for run.sh; latency in ms, per request (wrk's latency object).
function done(summary, latency, requests)
  local n2, wr, cy, fu = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    n2 = n2 + (t:get("non2xx") or 0)
    wr = wr + (t:get("wrong") or 0)
    cy = cy + (t:get("cycles") or 0)
    fu = fu + (t:get("full") or 0)
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f errors=%d non2xx=%d wrong=%d socket=%d cycles=%d cps=%.1f full=%d mean_ms=%.3f\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    n2 + wr + socket, n2, wr, socket, cy, cy / seconds, fu, latency.mean / 1000))
end
