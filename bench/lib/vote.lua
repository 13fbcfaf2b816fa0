-- wrk script for bench/run: every request is a new visitor's vote in poll
-- BENCH_POLL (form field option=BENCH_OPTION), so each is accepted (303)
-- when the server runs with --poll-votes-per-ip 0. A second vote by the
-- same visitor would be refused (409). ct_v cookies are signed by the
-- server and cannot be invented, so each request is a visitor without one,
-- known by address and User-Agent, with 22 random characters in the
-- User-Agent.
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local path, body

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6) + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  path = "/binh-chon/" .. (os.getenv("BENCH_POLL") or "1")
  body = "option=" .. (os.getenv("BENCH_OPTION") or "1")
end

function request()
  local t = {}
  for i = 1, 22 do
    local k = math.random(1, 64)
    t[i] = alphabet:sub(k, k)
  end
  return wrk.format("POST", path, {
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 " .. table.concat(t),
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Sec-Fetch-Site"] = "same-origin",
  }, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d bytes=%d p50_us=%d p99_us=%d status=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout))
end
