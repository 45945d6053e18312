-- Reads leases: ARGV[1] lease key prefix, ARGV[2..] paths.
-- Returns {path, agent, session, pr, token, pttl, ...} for every lease that exists.
local prefix = ARGV[1]
local out = {}
for i = 2, #ARGV do
  local key = prefix .. ARGV[i]
  local v = redis.call('GET', key)
  if v then
    local a = string.find(v, '\n', 1, true)
    local b = string.find(v, '\n', a + 1, true)
    local c = string.find(v, '\n', b + 1, true)
    -- A lease written before sessions existed is 'agent\npr\ntoken': no session.
    if not c then v = string.sub(v, 1, a) .. '\n' .. string.sub(v, a + 1); b = a + 1; c = string.find(v, '\n', b + 1, true) end
    out[#out + 1] = ARGV[i]
    out[#out + 1] = string.sub(v, 1, a - 1)
    out[#out + 1] = string.sub(v, a + 1, b - 1)
    out[#out + 1] = string.sub(v, b + 1, c - 1)
    out[#out + 1] = string.sub(v, c + 1)
    out[#out + 1] = redis.call('PTTL', key)
  end
end
return out
