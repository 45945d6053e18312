-- All-or-nothing acquisition of N leases with one fencing token. A path ending in '/' leases a
-- directory: it conflicts with leases on anything under it, and they with it.
-- A lease is a string 'agent\npr\ntoken' with a PX expiry (one SET per file, one MGET for all).
-- KEYS[1] fencing counter, KEYS[2] caller's agent set, KEYS[3] set of leased directories,
-- KEYS[4..] lease keys
-- ARGV[1] agent, ARGV[2] pr, ARGV[3] ttl ms, ARGV[4] lease key prefix,
-- ARGV[5..] paths (same order as the lease keys)
-- Returns {1, token} on success, or {0, path, agent, pr, token, pttl, ...} naming every holder.
local owner = ARGV[1] .. '\n'
local ttl = ARGV[3]
local prefix = ARGV[4]
local n = #KEYS - 3
local conflicts = {0}
local reported = {}

local function conflict(path, key, v)
  if reported[path] then return end
  reported[path] = true
  local a = string.find(v, '\n', 1, true)
  local b = string.find(v, '\n', a + 1, true)
  local c = #conflicts
  conflicts[c + 1] = path
  conflicts[c + 2] = string.sub(v, 1, a - 1)
  conflicts[c + 3] = string.sub(v, a + 1, b - 1)
  conflicts[c + 4] = string.sub(v, b + 1)
  conflicts[c + 5] = redis.call('PTTL', key)
end

local function check(path, key)
  local v = redis.call('GET', key)
  if v and string.sub(v, 1, #owner) ~= owner then conflict(path, key, v) end
end

local values = redis.call('MGET', unpack(KEYS, 4))
for i = 1, n do
  local v = values[i]
  if v and string.sub(v, 1, #owner) ~= owner then conflict(ARGV[i + 4], KEYS[i + 3], v) end
end

-- Live directory leases; members whose lease expired are dropped here.
if redis.call('SCARD', KEYS[3]) > 0 then
  local dirs = {}
  for _, d in ipairs(redis.call('SMEMBERS', KEYS[3])) do
    if redis.call('EXISTS', prefix .. d) == 1 then dirs[#dirs + 1] = d else redis.call('SREM', KEYS[3], d) end
  end
  for i = 1, n do
    local p = ARGV[i + 4]
    for _, d in ipairs(dirs) do
      if d ~= p and string.sub(p, 1, #d) == d then check(d, prefix .. d) end
    end
  end
end
for i = 1, n do
  local p = ARGV[i + 4]
  if string.sub(p, -1) == '/' then
    local pattern = prefix .. string.gsub(p, '[%*%?%[%]\\]', '\\%0') .. '*'
    local cursor = '0'
    repeat
      local r = redis.call('SCAN', cursor, 'MATCH', pattern, 'COUNT', 1000)
      cursor = r[1]
      for _, k in ipairs(r[2]) do
        local sub = string.sub(k, #prefix + 1)
        if sub ~= p then check(sub, k) end
      end
    until cursor == '0'
  end
end
if #conflicts > 1 then return conflicts end

local token = redis.call('INCR', KEYS[1])
local value = owner .. ARGV[2] .. '\n' .. token
for i = 1, n do
  redis.call('SET', KEYS[i + 3], value, 'PX', ttl)
  local p = ARGV[i + 4]
  if string.sub(p, -1) == '/' then redis.call('SADD', KEYS[3], p) end
end
redis.call('SADD', KEYS[2], unpack(ARGV, 5))
-- The agent set lives as long as the agent's longest lease.
-- GT extends an expiry that is shorter; NX gives a new set (no expiry yet) its first one.
if redis.call('PEXPIRE', KEYS[2], ttl, 'GT') == 0 then redis.call('PEXPIRE', KEYS[2], ttl, 'NX') end
return {1, token}
