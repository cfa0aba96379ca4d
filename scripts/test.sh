#!/usr/bin/env bash
# The whole suite against a real Azurite started here on free ports (and stopped after).
# Ends with the line "N passed, N failed", computed from the test results (TRX files).
#   ./scripts/test.sh                 everything
#   ./scripts/test.sh --filter EXPR   only tests matching a dotnet test filter
#   ./scripts/test.sh --fast          the domain's tests only (in memory: no Azurite, no browser), in about a minute
set -euo pipefail
source "$(dirname "$0")/azurite.sh"
source "$(dirname "$0")/web.sh"
cd "$FZ_ROOT"

filter=()
if [ "${1:-}" = "--filter" ] && [ -n "${2:-}" ]; then filter=(--filter "$2"); fi
started=$(date +%s)

count_results() {   # "N passed, N failed" from the TRX files of a results folder; $2 is dotnet test's exit code
  local passed=0 failed=0 c p f
  for trx in "$1"/*.trx; do
    [ -f "$trx" ] || continue
    c=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    p=$(echo "$c" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$c" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  done
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$2" -ne 0 ]; then failed=1; fi
  echo "took $(( $(date +%s) - started )) s" >&2
  echo "$passed passed, $failed failed"
}

if [ "${1:-}" = "--fast" ]; then
  results="$FZ_ROOT/TestResults/fast-$(date +%Y%m%d%H%M%S)"
  mkdir -p "$results"
  status=0
  dotnet test tests/FunctionsZone.Core.Tests -nologo --logger "trx" --results-directory "$results" || status=$?
  count_results "$results" "$status"
  exit "$status"
fi

azurite_install
web_build   # the browser tests (tests/FunctionsZone.Browser.Tests) open web/dist
data=$(mktemp -d -t fz-test-azurite-XXXX)
azurite_up "$data" "$data/azurite.log"
pid=$AZ_PID
cleanup() {
  kill "$pid" 2>/dev/null || true
  # Azurite may still be flushing its files for a moment after the signal.
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -rf "$data" 2>/dev/null || true
}
trap cleanup EXIT
echo "Azurite (pid $pid) on 127.0.0.1 blob $BLOB, queue $QUEUE, table $TABLE" >&2
export FZ_TEST_STORAGE="$(azurite_connection "$BLOB" "$QUEUE" "$TABLE")"
export FZ_TEST_STORAGE_PID="$pid"   # the bench smoke test reads Azurite's CPU seconds

results="$FZ_ROOT/TestResults/run-$(date +%Y%m%d%H%M%S)"
mkdir -p "$results"
status=0
dotnet test FunctionsZone.sln -nologo "${filter[@]}" --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?

count_results "$results" "$status"
exit "$status"
