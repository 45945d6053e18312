-- Group commit of journal writes, atomic and idempotent.
-- KEYS[1]      the journal-highest hash (persistence id -> highest sequence number)
-- KEYS[2..]    one stream key per event, in ARGV order ({prefix}journal:{pid})
-- ARGV[1]      number of groups (one group = one WriteAsync call, stored whole or not at all)
-- then per group: its event count n, then 8 values per event: pid, seqNr (decimal string),
-- writer guid, timestamp (unix ms), serializer id, manifest, payload bytes, tags joined by
-- U+001F ('' for none).
--
-- An event whose seqNr is not above the pid's highest is already stored (a retry of a write that
-- landed): it is skipped when its stored writer is the same, and the whole group is refused when
-- another writer stored that seqNr. Groups are checked before any of their events is written, so a
-- refused group leaves nothing behind; XADD cannot fail after the check because each stream's last
-- id never exceeds the hash's highest.
-- Returns one value per group: 0 when stored, or {pid, seqNr, storedWriter} when refused.
local highestKey = KEYS[1]
local groups = tonumber(ARGV[1])
local a = 2
local k = 2
local results = {}
local highest = {}

local function highestOf(pid)
  local h = highest[pid]
  if h == nil then
    h = tonumber(redis.call('HGET', highestKey, pid) or '0')
    highest[pid] = h
  end
  return h
end

local function storedWriter(key, seq)
  local found = redis.call('XRANGE', key, seq .. '-0', seq .. '-0')
  if #found == 0 then
    return nil -- deleted since: it was stored once, so it counts as stored
  end
  local fields = found[1][2]
  for i = 1, #fields, 2 do
    if fields[i] == 'w' then return fields[i + 1] end
  end
  return ''
end

for g = 1, groups do
  local n = tonumber(ARGV[a])
  a = a + 1
  local conflict = nil
  -- check
  local ca, ck = a, k
  for e = 1, n do
    local pid, seq, writer = ARGV[ca], ARGV[ca + 1], ARGV[ca + 2]
    if tonumber(seq) <= highestOf(pid) then
      local stored = storedWriter(KEYS[ck], seq)
      if stored ~= nil and stored ~= writer then
        conflict = { pid, seq, stored }
        break
      end
    end
    ca = ca + 8
    ck = ck + 1
  end
  -- write
  if conflict == nil then
    for e = 1, n do
      local pid, seq = ARGV[a], ARGV[a + 1]
      local s = tonumber(seq)
      if s > highestOf(pid) then
        if ARGV[a + 7] == '' then
          redis.call('XADD', KEYS[k], seq .. '-0', 'w', ARGV[a + 2], 't', ARGV[a + 3], 's', ARGV[a + 4], 'm', ARGV[a + 5], 'p', ARGV[a + 6])
        else
          redis.call('XADD', KEYS[k], seq .. '-0', 'w', ARGV[a + 2], 't', ARGV[a + 3], 's', ARGV[a + 4], 'm', ARGV[a + 5], 'p', ARGV[a + 6], 'g', ARGV[a + 7])
        end
        redis.call('HSET', highestKey, pid, seq)
        highest[pid] = s
      end
      a = a + 8
      k = k + 1
    end
    results[g] = 0
  else
    a = a + 8 * n
    k = k + n
    results[g] = conflict
  end
end
return results
