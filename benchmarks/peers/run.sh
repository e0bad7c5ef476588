#!/usr/bin/env bash
# Side-by-side peer comparison of the metric and initiative rollup: ExposureSdk, DuckDB, SQLite and
# the physical limit (one sequential read of the same columns), on one generated dataset, measured
# in one run. Needs the .NET 10 SDK, Node.js 20+ and npm; installs @duckdb/node-api itself.
#
#   benchmarks/peers/run.sh [--assets N] [--repetitions R] [--sqlite-assets M] [--sqlite-budget-seconds S] [--data DIR] [--keep-data]
#
# Defaults: 1,000,000 assets (20,000,000 assessments), 5 repetitions, SQLite at the full size with
# a budget of 300 s per repetition (an interrupted repetition is reported in the table, not hidden).
# Exit codes: 0 all engines agree; 1 they disagree (the differences are printed); 2 bad usage.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
assets=1000000
repetitions=5
sqlite_assets=""
sqlite_budget=300
data=""
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --assets) assets="$2"; shift 2 ;;
    --repetitions) repetitions="$2"; shift 2 ;;
    --sqlite-assets) sqlite_assets="$2"; shift 2 ;;
    --sqlite-budget-seconds) sqlite_budget="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --keep-data) keep=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== installing DuckDB for Node.js (npm install from package-lock.json)" >&2
# Not `npm ci`: the lock can only record the platform bindings the registry serves at the pinned
# version (linux-x64 here), and `npm ci` rejects a lock without every optional platform package.
# `--no-save` installs from the lock and leaves it untouched.
( cd "$here" && npm install --no-save --no-audit --no-fund --loglevel=error >&2 )

echo "== building the C# runner (Release)" >&2
dotnet build "$here/ExposureSdk.Peers/ExposureSdk.Peers.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
runner="$here/ExposureSdk.Peers/bin/Release/net10.0/ExposureSdk.Peers"

if [ -z "$data" ]; then
  data="$(mktemp -d "${TMPDIR:-/tmp}/exposuresdk-peers.XXXXXX")"
  [ "$keep" = 1 ] || trap 'rm -rf "$data"' EXIT
fi
echo "== generating the dataset ($assets assets) in $data" >&2
"$runner" generate --assets "$assets" --out "$data"

echo "== DuckDB: loading into memory, then $repetitions timed repetitions" >&2
node "$here/duckdb.mjs" "$data" "$repetitions" > "$data/duckdb.json"

echo "== ExposureSdk, physical limit, SQLite; checking agreement" >&2
args=(compare --data "$data" --duckdb "$data/duckdb.json" --repetitions "$repetitions" --sqlite-budget-seconds "$sqlite_budget")
[ -n "$sqlite_assets" ] && args+=(--sqlite-assets "$sqlite_assets")
"$runner" "${args[@]}"
