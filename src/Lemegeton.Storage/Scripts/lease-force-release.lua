-- Operator force-release: deletes the leases whoever holds them.
-- ARGV[1] lease key prefix, ARGV[2] agent set prefix, ARGV[3..] paths.
-- Returns {path, agent, pr, token, ...} for every lease that existed.
local prefix, setPrefix = ARGV[1], ARGV[2]
local out = {}
for i = 3, #ARGV do
  local key = prefix .. ARGV[i]
  local v = redis.call('GET', key)
  if v then
    local a = string.find(v, '\n', 1, true)
    local b = string.find(v, '\n', a + 1, true)
    local agent = string.sub(v, 1, a - 1)
    redis.call('DEL', key)
    redis.call('SREM', setPrefix .. agent, ARGV[i])
    out[#out + 1] = ARGV[i]
    out[#out + 1] = agent
    out[#out + 1] = string.sub(v, a + 1, b - 1)
    out[#out + 1] = string.sub(v, b + 1)
  end
end
return out
