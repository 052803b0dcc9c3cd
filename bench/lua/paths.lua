-- GET requests over a list of paths, for `bench/load.py`.
--
--   wrk -t N -c N -s bench/lua/paths.lua URL -- LIST_FILE MODE SEED THREADS [FROM_US UNTIL_US]
--
-- LIST_FILE has one "label<TAB>path" line per path (paths percent-encoded) and optional
-- "#weight<TAB>label<TAB>number" lines. MODE "random": each request picks a label by weight, then one of
-- its paths at random. MODE "sequence": thread i of THREADS requests lines i, i + THREADS, ... once each
-- and stops when its share is used up (first visits). FROM_US, UNTIL_US: the measured window, in
-- CLOCK_MONOTONIC microseconds (Python's time.monotonic()): only requests that start in it are recorded,
-- the load before it is the warm-up.
--
-- Run it with as many threads as connections (-t N -c N): each thread then owns one connection, its
-- requests and responses alternate, and the time from request() to response() is that request's latency,
-- recorded per label (10 µs buckets) with its status. The visitor's cookies (csrftoken) are kept per
-- thread, as a browser would. done() prints one line "BENCHJSON {...}" for the harness.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local timespec = ffi.new("bench_timespec")
local CLOCK_MONOTONIC = 1

local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1000000 + tonumber(timespec.tv_nsec) / 1000
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_index", #threads)
end

local function split_tabs(line)
  local fields = {}
  for field in string.gmatch(line, "[^\t]+") do
    table.insert(fields, field)
  end
  return fields
end

function init(args)
  local list_file = args[1]
  mode = args[2] or "random"
  local seed = tonumber(args[3] or "1")
  thread_count = tonumber(args[4] or "1")
  window_from = tonumber(args[5] or "0")
  window_until = tonumber(args[6] or "1e300")
  math.randomseed(seed * 1000 + thread_index)

  labels, by_label, weight_of, sequence = {}, {}, {}, {}
  for line in io.lines(list_file) do
    local fields = split_tabs(line)
    if fields[1] == "#weight" then
      weight_of[fields[2]] = tonumber(fields[3])
    elseif #fields == 2 then
      local label, path = fields[1], fields[2]
      if by_label[label] == nil then
        by_label[label] = {}
        table.insert(labels, label)
      end
      table.insert(by_label[label], path)
      table.insert(sequence, {label, path})
    end
  end
  total_weight = 0
  for _, label in ipairs(labels) do
    weight_of[label] = weight_of[label] or #by_label[label]
    total_weight = total_weight + weight_of[label]
  end
  cursor = thread_index

  -- Only flat tables and scalars can be read back with thread:get() in done().
  counts, hist, failures = {}, {}, {}
  failure_count, first_us, last_us, exhausted, started_at = 0, 0, 0, 0, 0
  cookie = nil
end

local function pick()
  if mode == "sequence" then
    local item = sequence[cursor]
    if item == nil then
      exhausted = 1
      wrk.thread:stop()
      return sequence[#sequence][1], sequence[#sequence][2]
    end
    cursor = cursor + thread_count
    return item[1], item[2]
  end
  local r = math.random() * total_weight
  for _, label in ipairs(labels) do
    r = r - weight_of[label]
    if r <= 0 then
      local list = by_label[label]
      return label, list[math.random(#list)]
    end
  end
  local list = by_label[labels[#labels]]
  return labels[#labels], list[math.random(#list)]
end

function request()
  current_label, current_path = pick()
  local headers = {["Accept-Language"] = "ko"}
  if cookie then
    headers["Cookie"] = cookie
  end
  started_at = now_us()
  if first_us == 0 and started_at >= window_from then
    first_us = started_at
  end
  return wrk.format("GET", current_path, headers)
end

function response(status, headers, body)
  local set_cookie = headers["Set-Cookie"]
  if set_cookie then
    local pair = string.match(set_cookie, "^([^;]+)")
    if pair and not string.find(pair, "=\"\"$") then
      cookie = pair
    end
  end
  if exhausted == 1 or started_at == 0 or started_at < window_from or started_at >= window_until then
    return
  end
  local now = now_us()
  last_us = now
  local key = current_label .. "\t" .. status
  counts[key] = (counts[key] or 0) + 1
  local bucket = current_label .. "\t" .. math.floor((now - started_at) / 10)
  hist[bucket] = (hist[bucket] or 0) + 1
  started_at = 0
  if status ~= 200 and failure_count < 20 then
    failure_count = failure_count + 1
    failures[failure_count] = status .. " " .. current_path
  end
end

local function json_string(s)
  s = string.gsub(tostring(s), '[%c"\\]', function(c)
    return string.format("\\u%04x", string.byte(c))
  end)
  return '"' .. s .. '"'
end

local function json_object(t)
  local parts = {}
  for k, v in pairs(t) do
    local value = type(v) == "number" and string.format("%.17g", v) or json_string(v)
    table.insert(parts, json_string(k) .. ":" .. value)
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
  local counts_all, hist_all, failures_all, spans = {}, {}, {}, {}
  local exhausted_threads = 0
  for _, thread in ipairs(threads) do
    for k, v in pairs(thread:get("counts") or {}) do
      counts_all[k] = (counts_all[k] or 0) + v
    end
    for k, v in pairs(thread:get("hist") or {}) do
      hist_all[k] = (hist_all[k] or 0) + v
    end
    for _, v in pairs(thread:get("failures") or {}) do
      if #failures_all < 20 then
        table.insert(failures_all, v)
      end
    end
    local first, last = thread:get("first_us"), thread:get("last_us")
    if first and last and last > 0 then
      table.insert(spans, first .. " " .. last)
    end
    exhausted_threads = exhausted_threads + (thread:get("exhausted") or 0)
  end
  local failures_obj = {}
  for i, v in ipairs(failures_all) do
    failures_obj[tostring(i)] = v
  end
  local spans_obj = {}
  for i, v in ipairs(spans) do
    spans_obj[tostring(i)] = v
  end
  local e = summary.errors
  io.write(
    "BENCHJSON {",
    '"duration_us":', string.format("%.17g", summary.duration),
    ',"requests":', string.format("%.17g", summary.requests),
    ',"errors":', json_object({connect = e.connect, read = e.read, write = e.write, status = e.status,
                                timeout = e.timeout}),
    ',"wrk_latency_us":', json_object({p50 = latency:percentile(50), p95 = latency:percentile(95),
                                       p99 = latency:percentile(99), max = latency.max, mean = latency.mean}),
    ',"counts":', json_object(counts_all),
    ',"hist":', json_object(hist_all),
    ',"failures":', json_object(failures_obj),
    ',"spans":', json_object(spans_obj),
    ',"exhausted_threads":', exhausted_threads,
    "}\n"
  )
end
