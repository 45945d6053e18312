-- Deletes every snapshot matching the criteria.
-- KEYS[1] snapshot hash, KEYS[2] snapshot index
-- ARGV[1] max seqNr, ARGV[2] min seqNr, ARGV[3] max timestamp, ARGV[4] min timestamp (as in snapshot-load).
-- Returns the number deleted.
local members = redis.call('ZRANGEBYSCORE', KEYS[2], ARGV[2], ARGV[1])
local deleted = 0
for _, member in ipairs(members) do
  local colon = string.find(member, ':', 1, true)
  local ticks = string.sub(member, colon + 1)
  if ticks <= ARGV[3] and ticks >= ARGV[4] then
    redis.call('ZREM', KEYS[2], member)
    redis.call('HDEL', KEYS[1], string.sub(member, 1, colon - 1))
    deleted = deleted + 1
  end
end
return deleted
