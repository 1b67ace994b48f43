-- wrk's report as one JSON line (microseconds), read by test/bench/loadGenerator.ts.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"meanUs":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,"socketErrors":%d,"badStatus":%d}\n',
    summary.requests, summary.duration, latency.mean, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout, e.status))
end
