-- A ceiling servlet, the URL's path (/ceiling/const or /ceiling/set): GET with the same Basic auth as cticache.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local req = nil

function request()
  req = req or wrk.format("GET", wrk.path, { ["Authorization"] = bench.auth })
  return req
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
