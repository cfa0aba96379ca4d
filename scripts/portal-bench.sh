#!/usr/bin/env bash
# The portal's benchmark (issue 12), beside `fz bench`: national generated data (2,700 zones × 60 indicators ×
# 1 month) published into a fresh Azurite, then the zone view loaded cold N times in headless Chromium
# (src/FunctionsZone.PortalBench): time to a rendered page, JSON bytes fetched, bundle size gzipped.
#   ./scripts/portal-bench.sh [--zones 2700] [--runs 5] [--json docs/bench/portal.json]
# Not a test: it prints the figures and the goals they meet; nothing fails on a slow machine.
set -euo pipefail
source "$(dirname "$0")/azurite.sh"
source "$(dirname "$0")/web.sh"
cd "$FZ_ROOT"
zones=2700; runs=5; json=""
while [ $# -gt 0 ]; do
  case "$1" in
    --zones) zones="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --json) json="$2"; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 / 未知选项" >&2; exit 64 ;;
  esac
done
azurite_install
web_build
data=$(mktemp -d -t fz-portal-bench-XXXX)
azurite_up "$data/azurite" "$data/azurite.log"
pid=$AZ_PID
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
export AzureWebJobsStorage="$(azurite_connection "$BLOB" "$QUEUE" "$TABLE")"

echo "Building fz and the portal bench…" >&2
dotnet build src/FunctionsZone.PortalBench -c Release -nologo -v q >/dev/null
dotnet build src/FunctionsZone.Cli -c Release -nologo -v q >/dev/null
FZ="dotnet src/FunctionsZone.Cli/bin/Release/net10.0/fz.dll"
echo "Generating $zones zones × 60 indicators × 1 month and publishing them (minutes)…" >&2
$FZ generate --zones "$zones" --indicators 60 --months 1 --seed 1 --out "$data/gen" >/dev/null
$FZ run --seeds "$data/gen" >"$data/run.log" 2>&1 || { tail -20 "$data/run.log" >&2; exit 1; }
args=(--runs "$runs"); [ -n "$json" ] && args+=(--json "$json")
dotnet src/FunctionsZone.PortalBench/bin/Release/net10.0/portal-bench.dll "${args[@]}"
