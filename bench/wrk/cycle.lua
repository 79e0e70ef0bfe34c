-- The full transfer cycle: POST, then GET on the returned Location, then DELETE on it, each answer checked.
-- wrk's response() does not say which request it answers, so every request carries an X-Request-Id that names
-- it (cticache echoes it): a POST's Location queues its GET, a verified GET queues its DELETE. request() serves
-- this thread's queue first, otherwise it starts a new cycle with a POST.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local counter = 0
local queue, head, tail = {}, 1, 0

local function enqueue(req)
  tail = tail + 1
  queue[tail] = req
end

function request()
  if head <= tail then
    local req = queue[head]
    queue[head] = nil
    head = head + 1
    return req
  end
  counter = counter + 1
  return bench.post("8" .. bench.run .. id .. string.format("%09d", counter))
end

function response(status, headers, body)
  local id_header = bench.header(headers, "X-Request-Id") or ""
  local kind, rest = id_header:match("^(%l+)%-(.+)$")
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    return
  end
  if kind == "post" then
    -- Location is /cticache/DNIS-ANI/<dnis>:<ani>, possibly as an absolute URL.
    local key = (bench.header(headers, "Location") or ""):match("/cticache/DNIS%-ANI/([^/]+)$")
    if key == nil or key:match(":(.+)$") ~= rest then
      wrong = wrong + 1
      return
    end
    enqueue(bench.call("GET", key))
  elseif kind == "get" or kind == "del" then
    local ani = rest:match(":(.+)$")
    if ani == nil or body ~= bench.expected_answer(ani) then
      wrong = wrong + 1
      return
    end
    if kind == "get" then
      enqueue(bench.call("DELETE", rest))
    else
      cycles = cycles + 1
    end
  else
    wrong = wrong + 1
  end
end
