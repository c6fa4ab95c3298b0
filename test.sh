#!/usr/bin/env bash
# Runs every test and the style check. The README's second command.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build Toneline.slnx -c Release
dotnet format Toneline.slnx --verify-no-changes --no-restore
dotnet test Toneline.slnx -c Release --no-build --logger "console;verbosity=normal" 2>&1 | tee /tmp/toneline-test.log
# One closing line CI can read, summed over the test projects.
awk '/^ *Passed: [0-9]+$/ { p += $2 } /^ *Failed: [0-9]+$/ { f += $2 } /^ *Skipped: [0-9]+$/ { s += $2 }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' /tmp/toneline-test.log
