#!/usr/bin/env bash
# Quick start: Azurite on 127.0.0.1 (installed on first use, data in .azurite/), then `fz run` over seeds/.
# Run it again and it reuses the running Azurite and gives the same result.
#   ./scripts/run.sh            the monthly pipeline over seeds/, then the headline results
#   ./scripts/run.sh --serve    …and leave the portal and the HTTP API up on http://127.0.0.1:7071/ (fz serve)
set -euo pipefail
source "$(dirname "$0")/azurite.sh"
source "$(dirname "$0")/web.sh"
source "$(dirname "$0")/fonts.sh"
cd "$FZ_ROOT"

serve=0
for a in "$@"; do
  case "$a" in
    --serve) serve=1 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "unknown option: $a / 未知选项" >&2; exit 64 ;;
  esac
done

BLOB=${FZ_BLOB_PORT:-10000}; QUEUE=${FZ_QUEUE_PORT:-10001}; TABLE=${FZ_TABLE_PORT:-10002}
if port_open "$BLOB" && port_open "$TABLE"; then
  echo "Azurite already running on 127.0.0.1:$BLOB/$TABLE — reusing it" >&2
else
  azurite_install
  pid=$(azurite_start "$FZ_ROOT/.azurite" "$BLOB" "$QUEUE" "$TABLE" "$FZ_ROOT/.azurite/azurite.log")
  echo "Started Azurite (pid $pid), data in .azurite/, log .azurite/azurite.log" >&2
fi
export AzureWebJobsStorage="$(azurite_connection "$BLOB" "$QUEUE" "$TABLE")"

web_build || { echo "Portal build failed / 门户构建失败 (web/)" >&2; exit 1; }


ensure_cjk_font
fz_build
FZ="dotnet src/FunctionsZone.Cli/bin/Release/net10.0/fz.dll"
$FZ run --seeds seeds

if [ "$serve" = 1 ]; then
  # Without a local.settings.json, the sample's CORS origins (a portal on http://localhost:3000), as func start would
  # have them after `cp local.settings.sample.json local.settings.json`. FunctionsZone__CorsOrigins overrides.
  if [ ! -f local.settings.json ] && [ -z "${FunctionsZone__CorsOrigins:-}" ]; then
    FunctionsZone__CorsOrigins="$(sed -n 's/.*"FunctionsZone__CorsOrigins": *"\([^"]*\)".*/\1/p' local.settings.sample.json)"
    export FunctionsZone__CorsOrigins
    echo "CORS origins (from local.settings.sample.json): $FunctionsZone__CorsOrigins" >&2
  fi
  echo "Serving the portal on http://127.0.0.1:${FZ_PORT:-7071}/ and the API under /api (Ctrl+C to stop)…" >&2
  exec $FZ serve --port "${FZ_PORT:-7071}"
fi
