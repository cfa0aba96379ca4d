#!/usr/bin/env bash
# fz bench on an Azurite of its own: started here in memory on free ports, stopped after (docs/performance.md).
#   ./scripts/bench.sh --size medium|national|small [--json FILE] [--seed S] [--keep]
# Everything after the script's name goes to fz bench. Release build; the storage timeout and retries are raised
# because one Azurite batch can take seconds while Azurite is saturated.
set -euo pipefail
source "$(dirname "$0")/azurite.sh"
cd "$FZ_ROOT"
case "${1:-}" in -h|--help) sed -n '2,5p' "$0"; exit 0 ;; esac

azurite_install
fz_build
log=$(mktemp -t fz-bench-azurite-XXXX.log)
azurite_up --in-memory "$log"
pid=$AZ_PID
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
echo "Azurite in memory (pid $pid) on 127.0.0.1 blob $BLOB, table $TABLE" >&2
export AzureWebJobsStorage="$(azurite_connection "$BLOB" "$QUEUE" "$TABLE")"
# Azurite's process: each stage reports its CPU seconds beside fz's (docs/performance.md, "CPU").
export FZ_BENCH_STORAGE_PID="$pid"
export FunctionsZone__StorageTimeoutSeconds="${FunctionsZone__StorageTimeoutSeconds:-60}"
export FunctionsZone__StorageRetries="${FunctionsZone__StorageRetries:-4}"
dotnet src/FunctionsZone.Cli/bin/Release/net10.0/fz.dll bench "$@"
