-- wrk script for bench/run: GET requests as a browser's, from a pool of
-- returning visitors (each request carries one of the pool's ct_v cookies,
-- as a browser does after its first page), with Accept-Encoding: gzip.
-- Paths: the command-line URL's path, or, when BENCH_PATHS names a file,
-- one path per line picked at random. Requests are formatted once in
-- init, so the script costs wrk nothing per request.
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

function visitor_id()
  local t = {}
  for i = 1, 22 do
    local k = math.random(1, 64)
    t[i] = alphabet:sub(k, k)
  end
  return table.concat(t)
end

local pool = {}

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6) + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  local paths = {}
  local file = os.getenv("BENCH_PATHS")
  if file and file ~= "" then
    for line in io.lines(file) do
      if line ~= "" then paths[#paths + 1] = line end
    end
  end
  local n = 512
  if #paths > n then n = #paths end
  for i = 1, n do
    local path = nil
    if #paths > 0 then path = paths[math.random(1, #paths)] end
    pool[i] = wrk.format("GET", path, {
      ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
      ["Accept"] = "text/html,application/xhtml+xml",
      ["Accept-Encoding"] = "gzip",
      ["Cookie"] = "ct_v=" .. visitor_id(),
    })
  end
end

function request()
  return pool[math.random(1, #pool)]
end

-- done prints one machine-readable line for bench/run.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d bytes=%d p50_us=%d p99_us=%d status=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout))
end
