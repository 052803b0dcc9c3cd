-- Only a summary, no per-request Lua: wrk as plain as it runs (for the client check, `bench/load.py`).
--   wrk -t T -c C -s bench/lua/summary.lua URL
-- done() prints one line "BENCHJSON {...}" with wrk's own counts and latency percentiles.

wrk.headers["Accept-Language"] = "ko"

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCHJSON {"duration_us":%.17g,"requests":%.17g,"errors":{"connect":%d,"read":%d,"write":%d,' ..
    '"status":%d,"timeout":%d},"wrk_latency_us":{"p50":%.17g,"p95":%.17g,"p99":%.17g,"max":%.17g,' ..
    '"mean":%.17g}}\n',
    summary.duration, summary.requests, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
end
