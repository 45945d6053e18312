-- Operator force-release: deletes the leases whoever holds them.
-- ARGV[1] lease key prefix, ARGV[2] agent set prefix, ARGV[3..] paths.
-- Returns {path, agent, pr, token, ...} for every lease that existed.
local prefix, setPrefix = ARGV[1], ARGV[2]
local out = {}
for i = 3, #ARGV do
  local key = prefix .. ARGV[i]
  local h = redis.call('HMGET', key, 'agent', 'pr', 'token')
  if h[1] then
    redis.call('DEL', key)
    redis.call('SREM', setPrefix .. h[1], ARGV[i])
    out[#out + 1] = ARGV[i]
    out[#out + 1] = h[1]
    out[#out + 1] = h[2] or ''
    out[#out + 1] = h[3] or '0'
  end
end
return out
