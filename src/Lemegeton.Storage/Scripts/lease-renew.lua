-- Extends the TTL of the leases the caller's (session, PR) still holds (compare-and-set on the owner).
-- KEYS[1] caller's session set; ARGV[1] owner 'agent\nsession\npr\n', ARGV[2] session
-- 'agent\nsession\n', ARGV[3] ttl ms, ARGV[4] lease key prefix,
-- ARGV[5..] paths, or none for every lease of this (session, PR) in the session set.
-- Returns {renewed paths..., '', lost paths...}. Leases of the same session for another PR are
-- neither renewed nor lost; paths the session no longer holds at all leave the session set.
local owner, session = ARGV[1], ARGV[2]
local ttl = ARGV[3]
local prefix = ARGV[4]
local all = #ARGV <= 4
local paths
if all then paths = redis.call('SMEMBERS', KEYS[1]) else paths = {unpack(ARGV, 5)} end
local renewed, lost = {}, {}
for _, p in ipairs(paths) do
  local key = prefix .. p
  local v = redis.call('GET', key)
  if v and string.sub(v, 1, #owner) == owner then
    redis.call('PEXPIRE', key, ttl)
    renewed[#renewed + 1] = p
  elseif v and string.sub(v, 1, #session) == session then
    -- The session's lease for another PR: not this caller's to renew.
    if not all then lost[#lost + 1] = p end
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
