#!/usr/bin/env bash
# Runs every test. Installs what the suites need (the Node reference packages: DuckDB and
# technicalindicators; the results page's chart library; PostgreSQL 15 for the integration tests;
# chromium and chromium-driver for the page's browser tests; kubectl and Prometheus for the
# deployment and dashboard tests, from apt when missing), builds with warnings as errors,
# runs every test project, checks formatting, and ends with one line:
# "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
status=0
pg_dir=""   # the PostgreSQL server this run started, stopped on the way out whatever happens
trap 'rm -f "$log"; if [ -n "$pg_dir" ]; then eng/postgres.sh stop "$pg_dir" || true; fi' EXIT
trap 'exit 130' INT TERM

echo "== reference packages (DuckDB, technicalindicators)"
npm ci --prefix tests/reference --no-audit --no-fund --loglevel=error

echo "== deployment tools (kubectl renders k8s/, prometheus runs the dashboards' queries)"
missing=()
for tool in kubectl prometheus; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        # Only what is missing, without Debian's recommended extras (prometheus would bring exporters and fonts).
        (export DEBIAN_FRONTEND=noninteractive
         apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null) \
            || echo "apt-get could not install ${missing[*]}: their tests are skipped here and fail on CI" >&2
    else
        echo "${missing[*]} missing and not root: their tests are skipped here and fail on CI" >&2
    fi
fi

echo "== the results page's chart library (ECharts, copied into the page by the build)"
npm ci --prefix api/web --no-audit --no-fund --loglevel=error

echo "== chromium for the results page's browser tests"
if ! eng/chromium.sh; then
    echo "chromium cannot be installed here, so the browser tests skip (they fail when CI=true)" >&2
fi

echo "== build (warnings are errors)"
dotnet build QuantCluster.sln -c Release -nologo -v quiet

echo "== PostgreSQL for the integration tests"
if pg_env=$(eng/postgres.sh start); then
    eval "$pg_env"   # QUANT_TEST_DB (the connection string) and QUANT_PG_DIR
    pg_dir=$QUANT_PG_DIR
    export QUANT_TEST_DB
else
    echo "PostgreSQL did not start, so the integration tests cannot run" >&2
    status=1
fi

echo "== tests"
dotnet test QuantCluster.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

echo "== format"
dotnet format QuantCluster.sln --verify-no-changes --no-restore || status=$?

# One closing line over every test project, in the form CI reads.
awk '/(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
