-- Saves one snapshot, replacing any earlier one with the same sequence number.
-- KEYS[1] snapshot hash (seqNr -> blob), KEYS[2] snapshot index (score seqNr, member 'seqNr:ticks')
-- ARGV[1] seqNr, ARGV[2] index member, ARGV[3] blob
redis.call('ZREMRANGEBYSCORE', KEYS[2], ARGV[1], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
