#!/usr/bin/env bash
# The production topology on this machine (docs/deployment.md):
#   nginx (deploy/nginx.conf) on 127.0.0.1:$NEWSROOM_EDGE_PORT
#   → $NEWSROOM_APP_COUNT app processes (`npm run start:app`) on the next ports
#   + $NEWSROOM_WORKER_COUNT job workers (`npm run worker`), PostgreSQL, Redis.
#
#   deploy/local-cluster.sh up       build when needed, migrate once, start what is not running
#   deploy/local-cluster.sh down     stop everything `up` started (by pid), nothing else
#   deploy/local-cluster.sh status   what runs, with pids
#
# `up` is idempotent: run again, it starts only what is missing (a killed app, a stopped Redis).
# Environment: the same as `npm start` (PAYLOAD_SECRET, NEWSROOM_*, NEWSROOM_ADMIN_*), and
#   NEWSROOM_EDGE_PORT (8080), NEWSROOM_APP_COUNT (2), NEWSROOM_WORKER_COUNT (1),
#   NEWSROOM_CLUSTER_DIR (.cluster/), DATABASE_URI (else a database on the Debian PostgreSQL),
#   REDIS_URL (else a redis-server of its own on NEWSROOM_REDIS_PORT, default 6390 + edge − 8080),
#   NEWSROOM_EDGE_READ_RATE (100r/s), NEWSROOM_EDGE_READ_BURST (200),
#   NEWSROOM_EDGE_LOGIN_RATE (30r/m), NEWSROOM_EDGE_LOGIN_BURST (20),
#   NEWSROOM_EDGE_ACTION_RATE (50r/s), NEWSROOM_EDGE_ACTION_BURST (200),
#   NEWSROOM_EDGE_REAL_IP_FROM (none): comma-separated addresses/CIDRs of a CDN or load balancer
#   in front of nginx, whose X-Forwarded-For names the reader;
#   NEWSROOM_VIEW_LOG_PORT (5140 + edge − 8080): the UDP port nginx logs view beacons to and the
#   first worker (else the first app process) counts them on (plugins/article-views/viewLog.ts).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

EDGE_PORT=${NEWSROOM_EDGE_PORT:-8080}
APP_COUNT=${NEWSROOM_APP_COUNT:-2}
WORKER_COUNT=${NEWSROOM_WORKER_COUNT:-1}
STATE=${NEWSROOM_CLUSTER_DIR:-$ROOT/.cluster}
mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
PIDS=$STATE/pids
LOGS=$STATE/logs
REDIS_PORT=${NEWSROOM_REDIS_PORT:-$((6390 + EDGE_PORT - 8080))}
VIEW_LOG=127.0.0.1:${NEWSROOM_VIEW_LOG_PORT:-$((5140 + EDGE_PORT - 8080))}
EDGE_URL="http://127.0.0.1:$EDGE_PORT"

say() { printf '[local-cluster] %s\n' "$*"; }
die() { printf '[local-cluster] %s\n' "$*" >&2; exit 1; }

app_port() { echo $((EDGE_PORT + $1)); }

is_running() { # name (a killed process not yet reaped counts as gone)
  local file="$PIDS/$1.pid"
  [[ -f $file ]] && kill -0 "$(cat "$file")" 2>/dev/null && [[ $(ps -o stat= -p "$(cat "$file")") != Z* ]]
}

# Whether an app process or worker is missing (then `up` migrates and starts it).
is_any_process_missing() {
  local i
  for i in $(seq 1 "$APP_COUNT"); do is_running "app-$i" || return 0; done
  for i in $(seq 1 "$WORKER_COUNT"); do is_running "worker-$i" || return 0; done
  return 1
}

# Runs a command in a session of its own (so that `down` can stop its whole process group: npm,
# node, next's children) and records its pid.
launch() { # name command…
  local name=$1
  shift
  setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
}

wait_for_http() { # url name seconds
  local deadline=$((SECONDS + $3))
  until curl -fs -o /dev/null --max-time 5 "$1"; do
    is_running "$2" || { tail -n 40 "$LOGS/$2.log" >&2; die "$2 exited (log: $LOGS/$2.log)"; }
    ((SECONDS < deadline)) || { tail -n 40 "$LOGS/$2.log" >&2; die "$2 did not answer $1 within $3 s"; }
    sleep 0.5
  done
}

stop() { # name: TERM to its process group (npm and what it started), KILL what is left after 15 s
  local file="$PIDS/$1.pid" pid
  [[ -f $file ]] || return 0
  pid=$(cat "$file")
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$file"
}

# --- PostgreSQL ---------------------------------------------------------------------------------
# DATABASE_URI when set; else a database on Debian's cluster, started if it is down (and then
# stopped again by `down`). pg_ctlcluster rather than initdb: initdb refuses to run as root (CI).
database_uri() {
  if [[ -n ${DATABASE_URI:-} ]]; then
    echo "$DATABASE_URI"
  else
    local base=${NEWSROOM_PG_URI:-postgres://postgres:postgres@127.0.0.1:5432/postgres}
    echo "${base%/*}/newsroom_cluster_$EDGE_PORT"
  fi
}

ensure_postgres() {
  local uri=$1
  [[ $uri == postgres://* || $uri == postgresql://* ]] || die "DATABASE_URI must be a PostgreSQL URI for the cluster (got ${uri%%:*}:…)"
  local admin="${uri%/*}/postgres" name=${uri##*/}
  name=${name%%\?*}
  if ! pg_isready -q -d "$admin" && [[ -z ${DATABASE_URI:-} ]]; then
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    say "starting PostgreSQL $version/main"
    pg_ctlcluster "$version" main start
    echo "$version" >"$STATE/postgres-started-by-us"
    for _ in $(seq 1 30); do pg_isready -q -d "$admin" && break; sleep 1; done
  fi
  pg_isready -q -d "$admin" || die "PostgreSQL does not answer at ${admin%%@*}@…"
  if [[ $(psql "$admin" -Atc "SELECT 1 FROM pg_database WHERE datname = '$name'") != 1 ]]; then
    say "creating database $name"
    psql "$admin" -qc "CREATE DATABASE \"$name\""
  fi
}

# --- Redis --------------------------------------------------------------------------------------
# Its own redis-server unless REDIS_URL is set. Append-only file, fsync at every write: Redis holds
# the login limits and Payload's KV, and restarting it must lose neither.
ensure_redis() {
  [[ -n ${REDIS_URL:-} ]] && return 0
  is_running redis && return 0
  mkdir -p "$STATE/redis"
  say "starting redis-server on 127.0.0.1:$REDIS_PORT"
  launch redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$STATE/redis" \
    --appendonly yes --appendfsync always --save '' --daemonize no
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  tail -n 20 "$LOGS/redis.log" >&2
  die "redis-server did not start"
}

# --- Build --------------------------------------------------------------------------------------
# `next build` when the sources changed since the last build this script made.
source_fingerprint() {
  find src collections plugins -path src/.next -prune -o -type f -print | LC_ALL=C sort |
    xargs sha256sum package-lock.json | sha256sum | cut -d' ' -f1
}

ensure_build() {
  local stamp="$ROOT/src/.next/local-cluster-source-hash" fingerprint
  fingerprint=$(source_fingerprint)
  if [[ -f $ROOT/src/.next/BUILD_ID && -f $stamp && $(cat "$stamp") == "$fingerprint" ]]; then return 0; fi
  # Running apps serve from src/.next: never rebuild under them.
  if [[ -f $ROOT/src/.next/BUILD_ID ]] && compgen -G "$PIDS/app-*.pid" >/dev/null; then
    say "sources changed since the build; apps are running, so the build is kept (down, then up, to rebuild)"
    return 0
  fi
  say "building (npm run build; log: $LOGS/build.log)"
  NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 npm run build >"$LOGS/build.log" 2>&1 ||
    { tail -n 40 "$LOGS/build.log" >&2; die "build failed"; }
  echo "$fingerprint" >"$stamp"
}

# --- up / down / status -------------------------------------------------------------------------
render_nginx() {
  local servers='' i
  for i in $(seq 1 "$APP_COUNT"); do
    servers+="server 127.0.0.1:$(app_port "$i") max_fails=2 fail_timeout=5s; "
  done
  # As root nginx's workers drop to an unprivileged user, who owns the cache and temp folders; a
  # cluster folder that user cannot reach (a checkout under /root) keeps them root.
  local user=''
  if [[ $(id -u) == 0 ]]; then
    if runuser -u www-data -- test -x "$STATE" 2>/dev/null; then user='user www-data;'; else user='user root;'; fi
  fi
  local real_ip='' from
  if [[ -n ${NEWSROOM_EDGE_REAL_IP_FROM:-} ]]; then
    for from in ${NEWSROOM_EDGE_REAL_IP_FROM//,/ }; do
      [[ $from =~ ^[0-9A-Fa-f:./]+$ ]] || die "NEWSROOM_EDGE_REAL_IP_FROM: not an address or CIDR: $from"
      # Trusting every address would let any client name its own.
      [[ $from != */0 ]] || die "NEWSROOM_EDGE_REAL_IP_FROM: $from trusts every address"
      real_ip+="set_real_ip_from $from; "
    done
    real_ip+='real_ip_header X-Forwarded-For; real_ip_recursive on;'
  fi
  # The origins the app allows (CORS), from the app's own rule and the same environment.
  local origins='' origin
  for origin in $(node --import tsx -e 'import("./src/http/origins.ts").then((m) => console.log(m.corsOrigins().join(" ")))'); do
    origins+="\"$origin\" \$http_origin; "
  done
  sed -e "s|{{EDGE_LISTEN}}|127.0.0.1:$EDGE_PORT|g" \
    -e "s|{{CORS_ORIGINS}}|$origins|g" \
    -e "s|{{REAL_IP}}|$real_ip|g" \
    -e "s|{{APP_SERVERS}}|$servers|g" \
    -e "s|{{STATE_DIR}}|$STATE|g" \
    -e "s|{{READ_RATE}}|${NEWSROOM_EDGE_READ_RATE:-100r/s}|g" \
    -e "s|{{READ_BURST}}|${NEWSROOM_EDGE_READ_BURST:-200}|g" \
    -e "s|{{LOGIN_RATE}}|${NEWSROOM_EDGE_LOGIN_RATE:-30r/m}|g" \
    -e "s|{{LOGIN_BURST}}|${NEWSROOM_EDGE_LOGIN_BURST:-20}|g" \
    -e "s|{{ACTION_RATE}}|${NEWSROOM_EDGE_ACTION_RATE:-50r/s}|g" \
    -e "s|{{ACTION_BURST}}|${NEWSROOM_EDGE_ACTION_BURST:-200}|g" \
    -e "s|{{VIEW_LOG}}|$VIEW_LOG|g" \
    -e "s|{{WORKER_USER}}|$user|g" \
    "$ROOT/deploy/nginx.conf" >"$STATE/nginx.conf"
}

up() {
  command -v nginx >/dev/null || die "nginx is not installed (apt-get install nginx)"
  mkdir -p "$PIDS" "$LOGS" "$STATE/nginx-tmp" "$STATE/data"
  [[ ${APP_COUNT} -ge 1 ]] || die "NEWSROOM_APP_COUNT must be at least 1"

  local db
  db=$(database_uri)
  ensure_postgres "$db"
  ensure_redis

  local secret=${PAYLOAD_SECRET:-}
  if [[ -z $secret ]]; then
    # As `npm start` does for the demo: generated once, kept with the cluster's state.
    [[ -f $STATE/payload-secret ]] || (umask 077 && openssl rand -hex 32 >"$STATE/payload-secret")
    secret=$(cat "$STATE/payload-secret")
  fi

  export DATABASE_URI=$db PAYLOAD_SECRET=$secret
  export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}
  export NEWSROOM_PUBLIC_URL=${NEWSROOM_PUBLIC_URL:-http://localhost:$EDGE_PORT}
  export NEWSROOM_DATA_DIR=${NEWSROOM_DATA_DIR:-$STATE/data}
  # nginx appends the client's address to X-Forwarded-For: the app trusts that one entry.
  export NEWSROOM_TRUSTED_PROXIES=${NEWSROOM_TRUSTED_PROXIES:-1}
  export NEXT_TELEMETRY_DISABLED=1

  ensure_build

  # Migrations once, before any app or worker starts: Payload's migrate takes no lock, so N
  # processes migrating one empty database at boot would race. Every process still checks at
  # boot (NODE_ENV=production) and finds nothing left to run.
  if is_any_process_missing; then
    say "migrating $(basename "${db%%\?*}")"
    NODE_ENV=production NEWSROOM_SEED=off npm run --silent payload -- migrate >>"$LOGS/migrate.log" 2>&1 ||
      { tail -n 40 "$LOGS/migrate.log" >&2; die "migration failed"; }
    if [[ ${NEWSROOM_SEED:-off} == demo ]]; then
      say "seeding the demo (npm run seed)"
      npm run --silent seed >>"$LOGS/seed.log" 2>&1 || { tail -n 40 "$LOGS/seed.log" >&2; die "seed failed"; }
    fi
  fi

  # One process listens for the view log (one UDP port): the first worker, else the first app.
  local i listen
  for i in $(seq 1 "$APP_COUNT"); do
    listen=''
    [[ $i == 1 && $WORKER_COUNT -lt 1 ]] && listen=$VIEW_LOG
    is_running "app-$i" ||
      launch "app-$i" env PORT="$(app_port "$i")" NEWSROOM_VIEW_LOG_LISTEN="$listen" npm run start:app
  done
  for i in $(seq 1 "$WORKER_COUNT"); do
    listen=''
    [[ $i == 1 ]] && listen=$VIEW_LOG
    is_running "worker-$i" ||
      launch "worker-$i" env NEWSROOM_SEED=off NEWSROOM_VIEW_LOG_LISTEN="$listen" npm run worker
  done
  for i in $(seq 1 "$APP_COUNT"); do
    wait_for_http "http://127.0.0.1:$(app_port "$i")/api/articles?limit=1" "app-$i" 300
  done

  render_nginx
  nginx -t -q -c "$STATE/nginx.conf" -p "$STATE/" -e "$LOGS/nginx-error.log" || die "nginx refused $STATE/nginx.conf"
  if is_running nginx; then
    nginx -s reload -c "$STATE/nginx.conf" -p "$STATE/" -e "$LOGS/nginx-error.log"
  else
    launch nginx nginx -c "$STATE/nginx.conf" -p "$STATE/" -e "$LOGS/nginx-error.log" -g 'daemon off;'
  fi
  wait_for_http "$EDGE_URL/api/articles?limit=1" nginx 30

  say "edge:  $EDGE_URL"
  say "admin: $EDGE_URL/admin"
  say "apps:  $(for i in $(seq 1 "$APP_COUNT"); do printf 'http://127.0.0.1:%s ' "$(app_port "$i")"; done)"
  say "logs:  $LOGS"
  echo "$EDGE_URL"
}

down() {
  local name
  # The edge first (no new requests), then the processes behind it, Redis last.
  stop nginx
  if [[ -d $PIDS ]]; then
    for file in "$PIDS"/app-*.pid "$PIDS"/worker-*.pid; do
      [[ -e $file ]] || continue
      name=$(basename "$file" .pid)
      stop "$name"
    done
  fi
  stop redis
  if [[ -f $STATE/postgres-started-by-us ]]; then
    say "stopping PostgreSQL $(cat "$STATE/postgres-started-by-us")/main (started by up)"
    pg_ctlcluster "$(cat "$STATE/postgres-started-by-us")" main stop || true
    rm -f "$STATE/postgres-started-by-us"
  fi
  rm -rf "$STATE/nginx-cache" "$STATE/nginx-tmp"
  say "stopped"
}

status() {
  local file name any=0
  for file in "$PIDS"/*.pid; do
    [[ -e $file ]] || continue
    any=1
    name=$(basename "$file" .pid)
    if is_running "$name"; then
      printf '%-10s running  pid %s\n' "$name" "$(cat "$file")"
    else
      printf '%-10s stopped  (pid %s gone)\n' "$name" "$(cat "$file")"
    fi
  done
  ((any)) || echo 'not running'
  is_running nginx && echo "edge: $EDGE_URL"
  return 0
}

case ${1:-} in
  up) up ;;
  down) down ;;
  status) status ;;
  *) die "usage: $0 up|down|status" ;;
esac
