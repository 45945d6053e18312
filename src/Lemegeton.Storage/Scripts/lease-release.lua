-- Releases the caller's leases: only those whose value starts with the match prefix are deleted.
-- KEYS[1] caller's session set; ARGV[1] match prefix: 'agent\nsession\npr\n' (one PR) or
-- 'agent\nsession\n' (the whole session: crash release), ARGV[2] session prefix
-- 'agent\nsession\n', ARGV[3] lease key prefix,
-- ARGV[4..] paths, or none for every path in the session set.
-- Returns the released paths. Paths the session no longer holds leave the session set; the
-- session's leases for other PRs stay in it.
local match, session = ARGV[1], ARGV[2]
local prefix = ARGV[3]
local paths
if #ARGV <= 3 then paths = redis.call('SMEMBERS', KEYS[1]) else paths = {unpack(ARGV, 4)} end
if #paths == 0 then return {} end
local keys = {}
for i, p in ipairs(paths) do keys[i] = prefix .. p end
local values = redis.call('MGET', unpack(keys))
local released, owned, gone = {}, {}, {}
for i, p in ipairs(paths) do
  local v = values[i]
  if v and string.sub(v, 1, #match) == match then
    released[#released + 1] = p
    owned[#owned + 1] = keys[i]
    gone[#gone + 1] = p
  elseif not (v and string.sub(v, 1, #session) == session) then
    gone[#gone + 1] = p
  end
end
if #owned > 0 then redis.call('DEL', unpack(owned)) end
if #gone > 0 then redis.call('SREM', KEYS[1], unpack(gone)) end
return released
