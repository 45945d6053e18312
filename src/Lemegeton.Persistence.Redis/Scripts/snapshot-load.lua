-- Finds the youngest snapshot matching the selection criteria.
-- KEYS[1] snapshot hash, KEYS[2] snapshot index
-- ARGV[1] max seqNr, ARGV[2] min seqNr (score bounds, '+inf' allowed),
-- ARGV[3] max timestamp, ARGV[4] min timestamp (19-digit tick strings: compared as strings).
-- Returns {index member, blob} or nil.
local members = redis.call('ZREVRANGEBYSCORE', KEYS[2], ARGV[1], ARGV[2])
for _, member in ipairs(members) do
  local colon = string.find(member, ':', 1, true)
  local ticks = string.sub(member, colon + 1)
  if ticks <= ARGV[3] and ticks >= ARGV[4] then
    return { member, redis.call('HGET', KEYS[1], string.sub(member, 1, colon - 1)) }
  end
end
return nil
