-- wrk script for the webhook benchmark: posts pre-signed Zalo events, each body once, in order
-- (distinct msg_ids, so every request is a new event, not a duplicate). args[1]: a file of lines
-- "<signature>\t<body>". Prints one JSON line with the figures at the end.
local bodies, sigs, count, next = {}, {}, 0, 0

-- WRK_PAUSE_MS: each connection pauses that long before its next request (a steady flow rather
-- than a flood). Read as the script loads: wrk looks for delay() before it runs init().
local pause = tonumber(os.getenv("WRK_PAUSE_MS") or "")
if pause then
  function delay()
    return pause
  end
end

function init(args)
  for line in io.lines(args[1]) do
    local tab = line:find("\t", 1, true)
    count = count + 1
    sigs[count] = line:sub(1, tab - 1)
    bodies[count] = line:sub(tab + 1)
  end
end

function request()
  next = next % count + 1
  return wrk.format("POST", "/webhooks/zalo", { ["Content-Type"] = "application/json", ["X-ZEvent-Signature"] = sigs[next] }, bodies[next])
end

function done(summary, latency, requests)
  io.write(string.format('{"requests":%d,"durationUs":%d,"non2xx":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d}\n',
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
