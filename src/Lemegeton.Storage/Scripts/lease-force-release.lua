-- Operator force-release: deletes the leases whoever holds them.
-- ARGV[1] lease key prefix, ARGV[2] session set prefix, ARGV[3..] paths.
-- Returns {path, agent, session, pr, token, ...} for every lease that existed.
local prefix, setPrefix = ARGV[1], ARGV[2]
local out = {}
for i = 3, #ARGV do
  local key = prefix .. ARGV[i]
  local v = redis.call('GET', key)
  if v then
    local a = string.find(v, '\n', 1, true)
    local b = string.find(v, '\n', a + 1, true)
    local c = string.find(v, '\n', b + 1, true)
    -- A lease written before sessions existed is 'agent\npr\ntoken': no session.
    if not c then v = string.sub(v, 1, a) .. '\n' .. string.sub(v, a + 1); b = a + 1; c = string.find(v, '\n', b + 1, true) end
    local session = string.sub(v, a + 1, b - 1)
    redis.call('DEL', key)
    redis.call('SREM', setPrefix .. session, ARGV[i])
    out[#out + 1] = ARGV[i]
    out[#out + 1] = string.sub(v, 1, a - 1)
    out[#out + 1] = session
    out[#out + 1] = string.sub(v, b + 1, c - 1)
    out[#out + 1] = string.sub(v, c + 1)
  end
end
return out
