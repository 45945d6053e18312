#!/usr/bin/env bash
# The main job on the embedded defaults: builds the `lemegeton` CLI, shows the sample task list and
# runs `lemegeton demo`: a hub with 4 fake-coder agents works through 20 PRs, one agent is killed
# mid-PR and its PR handed to another. Needs only the .NET SDK (Redis and git are optional).
# Arguments go to `lemegeton demo`, e.g. ./demo.sh --agents 6 --keep
set -euo pipefail
cd "$(dirname "$0")"
dotnet build src/Lemegeton.Cli -c Release -v q -nologo >/dev/null
lem() { dotnet src/Lemegeton.Cli/bin/Release/net10.0/lemegeton.dll "$@"; }
list=docs/examples/demo-task-list.md
echo "\$ lemegeton tasks validate $list"; lem tasks validate "$list"
echo
echo "\$ lemegeton tasks schedule $list --agents worker:4"; lem tasks schedule "$list" --agents worker:4
echo
echo "\$ lemegeton demo $*"; lem demo "$@"
