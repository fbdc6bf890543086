#!/usr/bin/env bash
# Runs every test. Installs what the suites need (the Node reference packages: DuckDB and
# technicalindicators), builds with warnings as errors, runs every test project, checks
# formatting, and ends with one line: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== reference packages (DuckDB, technicalindicators)"
npm ci --prefix tests/reference --no-audit --no-fund --loglevel=error

echo "== build (warnings are errors)"
dotnet build QuantCluster.sln -c Release -nologo -v quiet

echo "== tests"
status=0
dotnet test QuantCluster.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

echo "== format"
dotnet format QuantCluster.sln --verify-no-changes --no-restore || status=$?

# One closing line over every test project, in the form CI reads.
awk '/(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
