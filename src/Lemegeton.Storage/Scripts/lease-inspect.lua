-- Reads leases: ARGV[1] lease key prefix, ARGV[2..] paths.
-- Returns {path, agent, pr, token, pttl, ...} for every lease that exists.
local prefix = ARGV[1]
local out = {}
for i = 2, #ARGV do
  local key = prefix .. ARGV[i]
  local h = redis.call('HMGET', key, 'agent', 'pr', 'token')
  if h[1] then
    out[#out + 1] = ARGV[i]
    out[#out + 1] = h[1]
    out[#out + 1] = h[2] or ''
    out[#out + 1] = h[3] or '0'
    out[#out + 1] = redis.call('PTTL', key)
  end
end
return out
