-- wrk script for scripts/bench/serve.sh: every connection cycles through the request paths
-- given in the environment variable PATHS (one per line), and the run ends with one line:
-- requests, seconds, requests/s, p50, p95, p99 (ms), non-2xx answers, socket errors.
local paths = {}
for line in string.gmatch(os.getenv("PATHS") or "/api/health", "[^\n]+") do
  table.insert(paths, line)
end
local counter = 0

setup = function(thread)
  thread:set("offset", counter)
  counter = counter + 7
end

init = function(args)
  index = offset or 0
end

request = function()
  index = index + 1
  return wrk.format("GET", paths[(index % #paths) + 1])
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %.1f %.0f %.2f %.2f %.2f %d %d\n", summary.requests, seconds,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, socket))
end
