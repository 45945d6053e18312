-- Replays events written to a file journal into the stream exactly once: the last imported
-- file seq is stored per file journal in the same script as the appends.
-- KEYS[1] stream, KEYS[2] sequence counter, KEYS[3] imported hash;
-- ARGV[1] file journal id, then pairs (file seq, event body).
-- Returns the number of events appended (0 for a batch that was already imported).
local id = ARGV[1]
local done = tonumber(redis.call('HGET', KEYS[3], id) or '0')
local seq = tonumber(redis.call('GET', KEYS[2]) or '0')
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
if #last > 0 then
  local lastSeq = tonumber(string.match(last[1][1], '^(%d+)'))
  if lastSeq > seq then seq = lastSeq end
end
local count = 0
local max = done
for i = 2, #ARGV, 2 do
  local fileSeq = tonumber(ARGV[i])
  if fileSeq > done then
    seq = seq + 1
    count = count + 1
    local origin = '"origin":"' .. id .. '/' .. fileSeq .. '",'
    redis.call('XADD', KEYS[1], seq .. '-0', 'e', '{"seq":' .. seq .. ',' .. origin .. string.sub(ARGV[i + 1], 2))
    if fileSeq > max then max = fileSeq end
  end
end
redis.call('SET', KEYS[2], seq)
redis.call('HSET', KEYS[3], id, max)
return count
