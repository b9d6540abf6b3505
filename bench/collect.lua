-- wrk script for bench/ingest.ts: every request is a new participant's answers with its own id,
-- as phones send them. BODY_TEMPLATE has the id replaced per request.
local counter = 0
local template = os.getenv("JAGA_BENCH_BODY")
-- Each run of a bench gets its own prefix (JAGA_BENCH_PREFIX): two runs within one second would
-- otherwise draw the same ids from os.time() and the second would send only resends.
math.randomseed(os.time())
local prefix = os.getenv("JAGA_BENCH_PREFIX") or string.format("%08x", math.random(0, 0x7fffffff))
request = function()
  counter = counter + 1
  local id = string.format("%s-0000-4000-8000-%012x", prefix, counter)
  local body = string.gsub(template, "__ID__", id)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
