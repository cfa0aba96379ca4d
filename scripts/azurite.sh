#!/usr/bin/env bash
# Helpers for a pinned Azurite from npm, and fz's Release build. Sourced by run.sh, test.sh and bench.sh.
# Azurite 3.35.0 runs on Node.js 20 (3.37 declares Node >= 22); --skipApiVersionCheck lets the
# current Azure SDKs talk to it.
AZURITE_VERSION="3.35.0"
FZ_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE_PREFIX="$FZ_ROOT/.tools/azurite"
AZURITE_BIN="$AZURITE_PREFIX/node_modules/.bin/azurite"

azurite_install() {
  if [ -x "$AZURITE_BIN" ] && grep -q "\"version\": \"$AZURITE_VERSION\"" "$AZURITE_PREFIX/node_modules/azurite/package.json" 2>/dev/null; then
    return 0
  fi
  echo "Installing Azurite $AZURITE_VERSION from npm into .tools/azurite (first use only)…" >&2
  mkdir -p "$AZURITE_PREFIX"
  npm install --prefix "$AZURITE_PREFIX" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >&2
}

# port_open PORT: true when something listens on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port: a port nobody listens on.
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( (RANDOM % 20000) + 30000 ))
    port_open "$p" || { echo "$p"; return 0; }
  done
  return 1
}

# azurite_start DATA_DIR|--in-memory BLOB_PORT QUEUE_PORT TABLE_PORT LOG: starts Azurite in the background; prints its
# pid. --in-memory persists nothing: on disk Azurite re-serialises its whole table database every 5 s, so a write costs
# more the more is stored beside it (a national month's write: 86 s in memory with another month stored, 125 s on
# disk); the bench measures in memory.
azurite_start() {
  local dir="$1" blob="$2" queue="$3" table="$4" log="$5" where
  if [ "$dir" = "--in-memory" ]; then where=(--inMemoryPersistence); else mkdir -p "$dir"; where=(--location "$dir"); fi
  nohup "$AZURITE_BIN" --silent --skipApiVersionCheck --loose --disableProductStyleUrl \
    "${where[@]}" --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do
    if port_open "$blob" && port_open "$table"; then echo "$pid"; return 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "Azurite did not start; its log ($log):" >&2
  cat "$log" >&2
  return 1
}

# azurite_up DIR LOG: Azurite on free ports (DIR as azurite_start's), sets BLOB QUEUE TABLE and AZ_PID. A port found free
# can be taken before Azurite binds it (a CI run lost to EADDRINUSE): then it tries new ports, five times in all.
azurite_up() {
  local dir="$1" log="$2"
  for _ in 1 2 3 4 5; do
    BLOB=$(free_port); QUEUE=$(free_port); TABLE=$(free_port)
    if AZ_PID=$(azurite_start "$dir" "$BLOB" "$QUEUE" "$TABLE" "$log"); then return 0; fi
    echo "Azurite: trying other ports" >&2
  done
  return 1
}

# azurite_connection BLOB_PORT QUEUE_PORT TABLE_PORT: the connection string for those ports.
# The account key is Azurite's published development key, not a secret.
azurite_connection() {
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$2/devstoreaccount1;TableEndpoint=http://127.0.0.1:$3/devstoreaccount1;"
}

# fz_build: fz in Release into src/FunctionsZone.Cli/bin/Release, its log in .fz/build.log; on failure the errors, then exit.
fz_build() {
  mkdir -p "$FZ_ROOT/.fz"
  echo "Building fz (Release)… (log: .fz/build.log)" >&2
  if ! dotnet build "$FZ_ROOT/src/FunctionsZone.Cli" -c Release -nologo >"$FZ_ROOT/.fz/build.log" 2>&1; then
    grep -E "error" "$FZ_ROOT/.fz/build.log" >&2 || tail -30 "$FZ_ROOT/.fz/build.log" >&2
    echo "Build failed / 构建失败: see .fz/build.log" >&2
    exit 1
  fi
}
