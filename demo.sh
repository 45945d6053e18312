#!/usr/bin/env bash
# The main job on the embedded defaults: builds the `lemegeton` CLI and runs it on the bundled
# example task list (validate it, list its PRs, show the dependency graph and a dry-run schedule).
set -euo pipefail
cd "$(dirname "$0")"
dotnet build src/Lemegeton.Cli -c Release -v q -nologo >/dev/null
lem() { dotnet src/Lemegeton.Cli/bin/Release/net10.0/lemegeton.dll "$@"; }
list=docs/examples/task-list.md
echo "\$ lemegeton tasks validate $list"; lem tasks validate "$list"
echo
echo "\$ lemegeton tasks list $list"; lem tasks list "$list"
echo
echo "\$ lemegeton tasks list $list --state ready"; lem tasks list "$list" --state ready
echo
echo "\$ lemegeton tasks graph $list"; lem tasks graph "$list"
echo
echo "\$ lemegeton tasks graph $list --format dot"; lem tasks graph "$list" --format dot
echo
echo "\$ lemegeton tasks schedule $list --agents worker:4,qc:1"; lem tasks schedule "$list" --agents worker:4,qc:1
