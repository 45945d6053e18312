-- All-or-nothing acquisition of N leases with one fencing token. A path ending in '/' leases a
-- directory: it conflicts with leases on anything under it, and they with it.
-- KEYS[1] fencing counter, KEYS[2] caller's agent set, KEYS[3] set of leased directories,
-- KEYS[4..] lease keys
-- ARGV[1] agent, ARGV[2] pr, ARGV[3] ttl ms, ARGV[4] lease key prefix,
-- ARGV[5..] paths (same order as the lease keys)
-- Returns {1, token} on success, or {0, path, agent, pr, token, pttl, ...} naming every holder.
local agent = ARGV[1]
local ttl = tonumber(ARGV[3])
local prefix = ARGV[4]
local n = #KEYS - 3
local conflicts = {0}
local reported = {}

local function check(path, key)
  if reported[path] then return end
  local h = redis.call('HMGET', key, 'agent', 'pr', 'token')
  if h[1] and h[1] ~= agent then
    reported[path] = true
    local c = #conflicts
    conflicts[c + 1] = path
    conflicts[c + 2] = h[1]
    conflicts[c + 3] = h[2] or ''
    conflicts[c + 4] = h[3] or '0'
    conflicts[c + 5] = redis.call('PTTL', key)
  end
end

-- Live directory leases; members whose lease expired are dropped here.
local dirs = {}
if redis.call('SCARD', KEYS[3]) > 0 then
  for _, d in ipairs(redis.call('SMEMBERS', KEYS[3])) do
    if redis.call('EXISTS', prefix .. d) == 1 then dirs[#dirs + 1] = d else redis.call('SREM', KEYS[3], d) end
  end
end

for i = 1, n do
  local p = ARGV[i + 4]
  check(p, KEYS[i + 3])
  for _, d in ipairs(dirs) do
    if d ~= p and string.sub(p, 1, #d) == d then check(d, prefix .. d) end
  end
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
for i = 1, n do
  local p = ARGV[i + 4]
  redis.call('HSET', KEYS[i + 3], 'agent', agent, 'pr', ARGV[2], 'token', token)
  redis.call('PEXPIRE', KEYS[i + 3], ttl)
  redis.call('SADD', KEYS[2], p)
  if string.sub(p, -1) == '/' then redis.call('SADD', KEYS[3], p) end
end
-- The agent set lives as long as the agent's longest lease.
if redis.call('PTTL', KEYS[2]) < ttl then redis.call('PEXPIRE', KEYS[2], ttl) end
return {1, token}
