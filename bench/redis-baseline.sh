#!/usr/bin/env bash
# Raw Redis figure for the lease benchmark: the all-or-nothing acquire and the release of 5 files,
# the very Lua scripts the hub uses (src/Lemegeton.Storage/Scripts), run by redis-benchmark with
# 50 clients against a private redis-server. Prints requests/s for each and the acquire+release
# cycle rate (1 / (1/acquire + 1/release)), to compare with StorageLeaseBenchmarks.
#
# Usage: bench/redis-baseline.sh [requests]            (default 200000)
#        PORT=6399 PASSWORD=x bench/redis-baseline.sh   (reuse a server that is already running)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200000}
scripts=src/Lemegeton.Storage/Scripts

started=""
if [ -z "${PORT:-}" ]; then
  dir=$(mktemp -d -t lemegeton-baseline.XXXXXX)
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  PASSWORD=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf 'bind 127.0.0.1\nport %s\nrequirepass %s\ndir %s\nsave ""\nappendonly yes\nappendfsync everysec\nlogfile %s/redis.log\n' \
    "$PORT" "$PASSWORD" "$dir" "$dir" > "$dir/redis.conf"
  redis-server "$dir/redis.conf" & started=$!
  trap 'kill $started 2>/dev/null; wait $started 2>/dev/null; rm -rf "$dir"' EXIT
  for _ in $(seq 100); do redis-cli -p "$PORT" -a "$PASSWORD" --no-auth-warning ping >/dev/null 2>&1 && break; sleep 0.05; done
fi
cli() { redis-cli -p "$PORT" -a "$PASSWORD" --no-auth-warning "$@"; }
acquire=$(cli SCRIPT LOAD "$(cat $scripts/lease-acquire.lua)")
release=$(cli SCRIPT LOAD "$(cat $scripts/lease-release.lua)")

p="lemegeton:baseline:"
files=(src/a.cs src/b.cs src/c.cs src/d.cs src/e.cs)
keys=(); for f in "${files[@]}"; do keys+=("${p}lease:file:$f"); done

bench() { redis-benchmark -p "$PORT" -a "$PASSWORD" -c 50 -n "$n" -q "$@" 2>/dev/null | tr '\r' '\n' | grep -Eo '[0-9.]+ requests per second' | tail -1 | cut -d' ' -f1; }
acq=$(bench EVALSHA "$acquire" 8 "${p}lease:fencing" "${p}lease:agent:agent-1" "${p}lease:directories" "${keys[@]}" \
  agent-1 PR-001 300000 "${p}lease:file:" "${files[@]}")
rel=$(bench EVALSHA "$release" 1 "${p}lease:agent:agent-1" agent-1 "${p}lease:file:" "${files[@]}")
cycle=$(python3 -c "print(round(1/(1/$acq+1/$rel)))")
echo "redis-benchmark -c 50 -n $n, 5 files: acquire EVALSHA ${acq}/s, release EVALSHA ${rel}/s, acquire+release cycle ${cycle}/s"
