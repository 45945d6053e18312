-- Group commit: appends a batch of events to the journal stream in one round trip.
-- KEYS[1] stream, KEYS[2] sequence counter; ARGV[1..] event bodies ('{"type":...}').
-- Each entry gets id '{seq}-0' and field 'e' = '{"seq":N,' .. rest of the body.
-- Returns the seq of the first event of the batch.
local seq = tonumber(redis.call('GET', KEYS[2]) or '0')
-- The stream is the truth if the counter was lost (e.g. an AOF rewritten by hand).
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
if #last > 0 then
  local lastSeq = tonumber(string.match(last[1][1], '^(%d+)'))
  if lastSeq > seq then seq = lastSeq end
end
local first = seq + 1
for i = 1, #ARGV do
  seq = seq + 1
  redis.call('XADD', KEYS[1], seq .. '-0', 'e', '{"seq":' .. seq .. ',' .. string.sub(ARGV[i], 2))
end
redis.call('SET', KEYS[2], seq)
return first
