#!/usr/bin/env bash
# Builds the solution and runs the whole test suite (unit, and integration against real
# redis-server, git repositories, processes and sockets).
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter "Category!=Slow"]
set -uo pipefail
cd "$(dirname "$0")"
log=$(mktemp -t lemegeton-test.XXXXXX.log)
dotnet build Lemegeton.sln -c Release -v q -nologo || exit 1
# -m:1: one test project at a time. The integration tests run real hubs, agents, redis-server and
# Chromium; two such projects at once on a 2-core machine starve each other's timers.
dotnet test Lemegeton.sln -c Release --no-build -v q -nologo -m:1 \
  --logger "console;verbosity=normal" "$@" >"$log" 2>&1
status=$?
# Show everything but the per-test "Passed" lines.
grep -avE '^\s+Passed ' "$log"
# One closing line a person (and CI) can read: N passed, N failed.
sum() { grep -aEo "$1: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
