-- All-or-nothing acquisition of N leases with one fencing token. A path ending in '/' leases a
-- directory: it conflicts with leases on anything under it, and they with it.
-- A lease is a string 'agent\nsession\npr\ntoken' with a PX expiry (one SET per file, one MGET
-- for all). Its owner is the (agent session, PR): a lease of the same session for another PR, or
-- of another session of the same agent, is a conflict like any other holder.
-- KEYS[1] fencing counter, KEYS[2] caller's session set, KEYS[3] set of leased directories,
-- KEYS[4..] lease keys
-- ARGV[1] agent, ARGV[2] session, ARGV[3] pr, ARGV[4] ttl ms, ARGV[5] lease key prefix,
-- ARGV[6] floor: the token is above it (the hub's highest issued token / durable reservation),
-- ARGV[7] ceiling: no token above it may be issued (the hub's durably reserved high-water mark),
-- ARGV[8..] paths (same order as the lease keys)
-- Returns {1, token} on success; {0, path, agent, session, pr, token, pttl, ...} naming every
-- holder; or {-1, token} when the token would pass the ceiling (nothing changed: reserve, retry).
local owner = ARGV[1] .. '\n' .. ARGV[2] .. '\n' .. ARGV[3] .. '\n'
local ttl = ARGV[4]
local prefix = ARGV[5]
local n = #KEYS - 3
local conflicts = {0}
local reported = {}

local function conflict(path, key, v)
  if reported[path] then return end
  reported[path] = true
  local a = string.find(v, '\n', 1, true)
  local b = string.find(v, '\n', a + 1, true)
  local c = string.find(v, '\n', b + 1, true)
  local k = #conflicts
  conflicts[k + 1] = path
  conflicts[k + 2] = string.sub(v, 1, a - 1)
  if c then
    conflicts[k + 3] = string.sub(v, a + 1, b - 1)
    conflicts[k + 4] = string.sub(v, b + 1, c - 1)
    conflicts[k + 5] = string.sub(v, c + 1)
  else
    -- A lease written before sessions existed: 'agent\npr\ntoken'.
    conflicts[k + 3] = ''
    conflicts[k + 4] = string.sub(v, a + 1, b - 1)
    conflicts[k + 5] = string.sub(v, b + 1)
  end
  conflicts[k + 6] = redis.call('PTTL', key)
end

local function check(path, key)
  local v = redis.call('GET', key)
  if v and string.sub(v, 1, #owner) ~= owner then conflict(path, key, v) end
end

local values = redis.call('MGET', unpack(KEYS, 4))
for i = 1, n do
  local v = values[i]
  if v and string.sub(v, 1, #owner) ~= owner then conflict(ARGV[i + 7], KEYS[i + 3], v) end
end

-- Live directory leases; members whose lease expired are dropped here.
if redis.call('SCARD', KEYS[3]) > 0 then
  local dirs = {}
  for _, d in ipairs(redis.call('SMEMBERS', KEYS[3])) do
    if redis.call('EXISTS', prefix .. d) == 1 then dirs[#dirs + 1] = d else redis.call('SREM', KEYS[3], d) end
  end
  for i = 1, n do
    local p = ARGV[i + 7]
    for _, d in ipairs(dirs) do
      if d ~= p and string.sub(p, 1, #d) == d then check(d, prefix .. d) end
    end
  end
end
for i = 1, n do
  local p = ARGV[i + 7]
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

-- The token is above both the counter and the floor, so a counter that lost its last writes
-- (Redis restarted from an AOF missing the last second) never hands out a token again.
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local floor = tonumber(ARGV[6])
local base = current
if floor > base then base = floor end
if base + 1 > tonumber(ARGV[7]) then return {-1, base + 1} end
if current < floor then redis.call('SET', KEYS[1], ARGV[6]) end
local token = redis.call('INCR', KEYS[1])

local value = owner .. token
for i = 1, n do
  redis.call('SET', KEYS[i + 3], value, 'PX', ttl)
  local p = ARGV[i + 7]
  if string.sub(p, -1) == '/' then redis.call('SADD', KEYS[3], p) end
end
redis.call('SADD', KEYS[2], unpack(ARGV, 8))
-- The session set lives as long as the session's longest lease.
-- GT extends an expiry that is shorter; NX gives a new set (no expiry yet) its first one.
if redis.call('PEXPIRE', KEYS[2], ttl, 'GT') == 0 then redis.call('PEXPIRE', KEYS[2], ttl, 'NX') end
return {1, token}
