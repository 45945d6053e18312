#!/usr/bin/env bash
# Raw Redis figure for the lease benchmark: the all-or-nothing acquire and the release of 5 files,
# the very Lua scripts the hub uses (src/Lemegeton.Storage/Scripts) with the arguments the hub
# passes (owner = agent, session, PR; fencing floor and ceiling), run by redis-benchmark with 50
# clients against a private redis-server on a Unix socket (as the embedded server runs). Prints
# requests/s for each and the acquire+release cycle rate (1 / (1/acquire + 1/release)), to compare
# with StorageLeaseBenchmarks.
#
# Usage: bench/redis-baseline.sh [requests]                          (default 200000)
#        SOCKET=/path/redis.sock PASSWORD=x bench/redis-baseline.sh   (reuse a running server)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200000}
scripts=src/Lemegeton.Storage/Scripts

started=""
if [ -z "${SOCKET:-}" ]; then
  dir=$(mktemp -d -t lemegeton-baseline.XXXXXX)   # 0700
  SOCKET="$dir/redis.sock"
  PASSWORD=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf 'port 0\nunixsocket %s\nunixsocketperm 700\nrequirepass %s\ndir %s\nsave ""\nappendonly yes\nappendfsync everysec\nlogfile %s/redis.log\n' \
    "$SOCKET" "$PASSWORD" "$dir" "$dir" > "$dir/redis.conf"
  chmod 600 "$dir/redis.conf"
  redis-server "$dir/redis.conf" & started=$!
  trap 'kill $started 2>/dev/null; wait $started 2>/dev/null; rm -rf "$dir"' EXIT
  for _ in $(seq 100); do redis-cli -s "$SOCKET" -a "$PASSWORD" --no-auth-warning ping >/dev/null 2>&1 && break; sleep 0.05; done
fi
cli() { redis-cli -s "$SOCKET" -a "$PASSWORD" --no-auth-warning "$@"; }
acquire=$(cli SCRIPT LOAD "$(cat $scripts/lease-acquire.lua)")
release=$(cli SCRIPT LOAD "$(cat $scripts/lease-release.lua)")

p="lemegeton:baseline:"
files=(src/a.cs src/b.cs src/c.cs src/d.cs src/e.cs)
keys=(); for f in "${files[@]}"; do keys+=("${p}lease:file:$f"); done

bench() { redis-benchmark -s "$SOCKET" -a "$PASSWORD" -c 50 -n "$n" -q "$@" 2>/dev/null | tr '\r' '\n' | grep -Eo '[0-9.]+ requests per second' | tail -1 | cut -d' ' -f1; }
acq=$(bench EVALSHA "$acquire" 8 "${p}lease:fencing" "${p}lease:session:session-1" "${p}lease:directories" "${keys[@]}" \
  agent-1 session-1 PR-001 300000 "${p}lease:file:" 0 9007199254740991 "${files[@]}")
rel=$(bench EVALSHA "$release" 1 "${p}lease:session:session-1" $'agent-1\nsession-1\nPR-001\n' $'agent-1\nsession-1\n' "${p}lease:file:" "${files[@]}")
cycle=$(python3 -c "print(round(1/(1/$acq+1/$rel)))")
echo "redis-benchmark -c 50 -n $n (Unix socket), 5 files: acquire EVALSHA ${acq}/s, release EVALSHA ${rel}/s, acquire+release cycle ${cycle}/s"
