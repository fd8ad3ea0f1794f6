-- wrk script of `npm run bench` (test/bench/wrk.ts writes the requests file and reads the result).
--
--   WRK_RESULT_FILE=<result file> wrk -t<threads> ... -s test/bench/wrk.lua <url> -- <requests file> <threads>
--
-- The requests file has one request a line: METHOD <tab> PATH [<tab> BODY [<tab> NAME: VALUE ...]].
-- With one line, every request is that one (a repeated read); with many, each thread walks its own
-- share of the lines in order, so no two requests of a run send the same URL (wrk.ts makes enough
-- lines for that). A POST body is sent as application/json. Headers after the body (the body may
-- be empty) are that request's own, e.g. a reader's token; headers given with wrk -H are added to
-- every request. With WRK_DELAY_MS set, each connection waits that long before each request (a
-- paced load: about connections × 1000 / (delay + latency) requests a second).
-- done() writes the run's counts and latency percentiles as JSON to the result file.

local thread_count = 0

function setup(thread)
  thread:set("index", thread_count)
  thread_count = thread_count + 1
end

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do
    table.insert(fields, field)
  end
  return fields
end

local requests = {}
local position = 1

function init(args)
  local file = assert(io.open(args[1], "r"))
  local lines = {}
  for line in file:lines() do
    if line ~= "" then table.insert(lines, line) end
  end
  file:close()
  -- This thread's share: lines index+1, index+1+count, ... (index comes from setup).
  local count = tonumber(args[2]) or 1
  local first = (tonumber(index) or 0) + 1
  if #lines == 1 then first, count = 1, 1 end
  for number = first, #lines, count do
    local fields = split(lines[number])
    local method, path, body = fields[1], fields[2], fields[3]
    -- wrk.format takes a request's headers instead of wrk -H's, not besides them: start from those.
    local headers = nil
    local function own()
      if headers == nil then
        headers = {}
        for name, value in pairs(wrk.headers) do headers[name] = value end
      end
      return headers
    end
    if body ~= nil and body ~= "" then
      own()["Content-Type"] = "application/json"
    else
      body = nil
    end
    for field = 4, #fields do
      local name, value = fields[field]:match("^([^:]+):%s*(.*)$")
      if name then own()[name] = value end
    end
    table.insert(requests, wrk.format(method, path, headers, body))
  end
  assert(#requests > 0, "no requests for this thread")
end

local pause = tonumber(os.getenv("WRK_DELAY_MS") or "")
if pause and pause > 0 then
  function delay()
    return pause
  end
end

function request()
  local raw = requests[position]
  position = position + 1
  -- Past the end (more requests than lines): start over; wrk.ts reports how many lines were sent.
  if position > #requests then position = 1 end
  return raw
end

function done(summary, latency, requests)
  local out = assert(io.open(os.getenv("WRK_RESULT_FILE"), "w"))
  local errors = summary.errors
  out:write(string.format(
    '{"requests":%d,"durationUs":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
      '"latencyUs":{"mean":%.1f,"p50":%d,"p90":%d,"p99":%d,"max":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max
  ))
  out:close()
end
