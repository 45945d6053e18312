-- Reads leases: ARGV[1] lease key prefix, ARGV[2..] paths.
-- Returns {path, agent, pr, token, pttl, ...} for every lease that exists.
local prefix = ARGV[1]
local out = {}
for i = 2, #ARGV do
  local key = prefix .. ARGV[i]
  local v = redis.call('GET', key)
  if v then
    local a = string.find(v, '\n', 1, true)
    local b = string.find(v, '\n', a + 1, true)
    out[#out + 1] = ARGV[i]
    out[#out + 1] = string.sub(v, 1, a - 1)
    out[#out + 1] = string.sub(v, a + 1, b - 1)
    out[#out + 1] = string.sub(v, b + 1)
    out[#out + 1] = redis.call('PTTL', key)
  end
end
return out
