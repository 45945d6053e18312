-- Releases the caller's leases: only those it owns are deleted.
-- KEYS[1] caller's agent set; ARGV[1] agent, ARGV[2] lease key prefix,
-- ARGV[3..] paths, or none for everything in the agent set (then the set is deleted).
-- Returns the released paths.
local owner = ARGV[1] .. '\n'
local prefix = ARGV[2]
local all = #ARGV <= 2
local paths
if all then
  paths = redis.call('SMEMBERS', KEYS[1])
else
  paths = {unpack(ARGV, 3)}
end
if #paths == 0 then return {} end
local keys = {}
for i, p in ipairs(paths) do keys[i] = prefix .. p end
local values = redis.call('MGET', unpack(keys))
local released, owned = {}, {}
for i, p in ipairs(paths) do
  local v = values[i]
  if v and string.sub(v, 1, #owner) == owner then
    released[#released + 1] = p
    owned[#owned + 1] = keys[i]
  end
end
if #owned > 0 then redis.call('DEL', unpack(owned)) end
if all then redis.call('DEL', KEYS[1]) else redis.call('SREM', KEYS[1], unpack(paths)) end
return released
