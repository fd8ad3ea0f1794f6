#!/usr/bin/env bash
# FerretDB, the Mongo-wire server the MongoDB lane of the tests runs on (no MongoDB server can be
# installed on our machines). Built from the Go module proxy once per version and kept; run on the
# PostgreSQL server the other lanes use, one PostgreSQL database (`ferretdb`) for all of it.
#
#   test/helpers/ferretdb.sh start   # build if needed, start on 127.0.0.1:27017, wait until it answers
#   test/helpers/ferretdb.sh stop
#   test/helpers/ferretdb.sh status
#
# Then: NEWSROOM_MONGO_COMPAT=ferretdb DATABASE_URI=mongodb://127.0.0.1:27017/newsroom npm test
#
# Settings: NEWSROOM_PG_URI (default postgres://postgres:postgres@127.0.0.1:5432/postgres),
# FERRETDB_PORT (27017), FERRETDB_HOME (~/.cache/payload-newsroom/ferretdb: binary, state, log).
set -euo pipefail

VERSION=v1.24.2
MODULE=github.com/FerretDB/FerretDB
PG_URI=${NEWSROOM_PG_URI:-postgres://postgres:postgres@127.0.0.1:5432/postgres}
PORT=${FERRETDB_PORT:-27017}
HOME_DIR=${FERRETDB_HOME:-${HOME}/.cache/payload-newsroom/ferretdb}
BIN="$HOME_DIR/$VERSION/ferretdb"
RUN_DIR="$HOME_DIR/run-$PORT"
PID_FILE="$RUN_DIR/ferretdb.pid"

is_up() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

build() {
  if [ -x "$BIN" ] && [ "$("$BIN" --version 2>/dev/null | sed -n 's/^version: //p')" = "$VERSION" ]; then
    return
  fi
  command -v go >/dev/null || {
    echo 'ferretdb.sh: Go is needed to build FerretDB (go install from the module proxy).' >&2
    exit 1
  }
  echo "building FerretDB $VERSION (once per machine, about 4 minutes)"
  # The module as published has no build/version/version.txt, which FerretDB's own build writes
  # from git: build a copy of the module's source with that file added.
  local source work
  source=$(go mod download -json "$MODULE@$VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [ -n "$source" ] || {
    echo "ferretdb.sh: go mod download $MODULE@$VERSION failed" >&2
    exit 1
  }
  work=$(mktemp -d)
  cp -r "$source/." "$work"
  chmod -R u+w "$work"
  echo "$VERSION" >"$work/build/version/version.txt"
  mkdir -p "$(dirname "$BIN")"
  (cd "$work" && GOFLAGS=-buildvcs=false go build -o "$BIN.tmp" ./cmd/ferretdb)
  mv "$BIN.tmp" "$BIN"
  rm -rf "$work"
}

start() {
  if is_up; then
    echo "something already listens on 127.0.0.1:$PORT"
    return
  fi
  build
  mkdir -p "$RUN_DIR"
  local base pg_db
  base=${PG_URI%/*}
  pg_db="ferretdb_$PORT"
  psql -q "$PG_URI" -c "CREATE DATABASE $pg_db" 2>/dev/null || true
  nohup "$BIN" --handler=postgresql --postgresql-url="$base/$pg_db" \
    --listen-addr="127.0.0.1:$PORT" --debug-addr=- --state-dir="$RUN_DIR" \
    --telemetry=disable --log-level=WARN >"$RUN_DIR/ferretdb.log" 2>&1 &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 60); do
    if is_up; then
      echo "FerretDB $VERSION on 127.0.0.1:$PORT (PostgreSQL database $pg_db; log $RUN_DIR/ferretdb.log)"
      return
    fi
    sleep 0.5
  done
  echo "ferretdb.sh: FerretDB did not start; its log:" >&2
  cat "$RUN_DIR/ferretdb.log" >&2
  exit 1
}

stop() {
  if [ -f "$PID_FILE" ]; then
    kill "$(cat "$PID_FILE")" 2>/dev/null || true
    rm -f "$PID_FILE"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if is_up; then echo up; else echo down; exit 1; fi ;;
  build) build ;;
  *)
    echo "usage: $0 start|stop|status|build" >&2
    exit 2
    ;;
esac
