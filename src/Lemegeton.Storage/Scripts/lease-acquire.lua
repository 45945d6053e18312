-- All-or-nothing acquisition of N file leases with one fencing token.
-- KEYS[1] fencing counter, KEYS[2] caller's agent set, KEYS[3..] lease keys
-- ARGV[1] agent, ARGV[2] pr, ARGV[3] ttl ms, ARGV[4..] paths (same order as the lease keys)
-- Returns {1, token} on success, or {0, path, agent, pr, token, pttl, ...} naming every holder.
local agent = ARGV[1]
local ttl = tonumber(ARGV[3])
local n = #KEYS - 2
local conflicts = {0}
for i = 1, n do
  local h = redis.call('HMGET', KEYS[i + 2], 'agent', 'pr', 'token')
  if h[1] and h[1] ~= agent then
    local c = #conflicts
    conflicts[c + 1] = ARGV[i + 3]
    conflicts[c + 2] = h[1]
    conflicts[c + 3] = h[2] or ''
    conflicts[c + 4] = h[3] or '0'
    conflicts[c + 5] = redis.call('PTTL', KEYS[i + 2])
  end
end
if #conflicts > 1 then return conflicts end
local token = redis.call('INCR', KEYS[1])
for i = 1, n do
  redis.call('HSET', KEYS[i + 2], 'agent', agent, 'pr', ARGV[2], 'token', token)
  redis.call('PEXPIRE', KEYS[i + 2], ttl)
  redis.call('SADD', KEYS[2], ARGV[i + 3])
end
-- The agent set lives as long as the agent's longest lease.
if redis.call('PTTL', KEYS[2]) < ttl then redis.call('PEXPIRE', KEYS[2], ttl) end
return {1, token}
