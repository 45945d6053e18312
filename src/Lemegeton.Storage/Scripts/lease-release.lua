-- Releases the caller's leases: only those it owns are deleted.
-- KEYS[1] caller's agent set; ARGV[1] agent, ARGV[2] lease key prefix,
-- ARGV[3..] paths, or none for everything in the agent set (then the set is deleted).
-- Returns the released paths.
local agent = ARGV[1]
local prefix = ARGV[2]
local all = #ARGV <= 2
local paths = {}
if all then
  paths = redis.call('SMEMBERS', KEYS[1])
else
  for i = 3, #ARGV do paths[#paths + 1] = ARGV[i] end
end
local released = {}
for _, p in ipairs(paths) do
  local key = prefix .. p
  if redis.call('HGET', key, 'agent') == agent then
    redis.call('DEL', key)
    released[#released + 1] = p
  end
  if not all then redis.call('SREM', KEYS[1], p) end
end
if all then redis.call('DEL', KEYS[1]) end
return released
