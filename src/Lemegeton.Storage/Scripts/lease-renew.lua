-- Extends the TTL of the leases the caller still holds (compare-and-set on the owner).
-- KEYS[1] caller's agent set; ARGV[1] agent, ARGV[2] ttl ms, ARGV[3] lease key prefix,
-- ARGV[4..] paths, or none for every lease in the agent set.
-- Returns {renewed paths..., '', lost paths...}.
local owner = ARGV[1] .. '\n'
local ttl = ARGV[2]
local prefix = ARGV[3]
local paths = {}
if #ARGV > 3 then
  for i = 4, #ARGV do paths[#paths + 1] = ARGV[i] end
else
  paths = redis.call('SMEMBERS', KEYS[1])
end
local renewed, lost = {}, {}
for _, p in ipairs(paths) do
  local key = prefix .. p
  local v = redis.call('GET', key)
  if v and string.sub(v, 1, #owner) == owner then
    redis.call('PEXPIRE', key, ttl)
    renewed[#renewed + 1] = p
  else
    lost[#lost + 1] = p
    redis.call('SREM', KEYS[1], p)
  end
end
-- GT extends an expiry that is shorter; NX gives a new set (no expiry yet) its first one.
if #renewed > 0 and redis.call('PEXPIRE', KEYS[1], ttl, 'GT') == 0 then redis.call('PEXPIRE', KEYS[1], ttl, 'NX') end
local out = renewed
out[#out + 1] = ''
for _, p in ipairs(lost) do out[#out + 1] = p end
return out
