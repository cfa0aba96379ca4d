#!/usr/bin/env bash
# The portal (web/): npm ci on first use, vite build when web/dist is missing or older than its sources.
# Sourced by run.sh and test.sh, like azurite.sh. Run on its own: ./scripts/web.sh
WEB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/web"

web_build() {
  command -v npm >/dev/null || { echo "Node.js and npm are required to build the portal (web/)" >&2; return 1; }
  if [ ! -d "$WEB_ROOT/node_modules/vite" ] || [ "$WEB_ROOT/package-lock.json" -nt "$WEB_ROOT/node_modules/.package-lock.json" ]; then
    echo "Installing the portal's npm packages into web/node_modules (first use only)…" >&2
    (cd "$WEB_ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2) || return 1
  fi
  local stamp="$WEB_ROOT/dist/index.html"
  if [ -f "$stamp" ] && [ -z "$(find "$WEB_ROOT/src" "$WEB_ROOT/public" "$WEB_ROOT/index.html" "$WEB_ROOT/vite.config.ts" "$WEB_ROOT/package-lock.json" "$WEB_ROOT/../seeds/i18n/catalogue.json" -newer "$stamp" -print -quit)" ]; then
    return 0
  fi
  echo "Building the portal (vite build → web/dist)…" >&2
  (cd "$WEB_ROOT" && npx vite build --logLevel warn >&2) || return 1
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then set -euo pipefail; web_build; fi
