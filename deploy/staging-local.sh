#!/usr/bin/env bash
# The staging topology without Docker: PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) and two app
# instances from the packaged jar on loopback ports, sharing one database and its job queue.
#   ./mvnw -B -q package -DskipTests && deploy/staging-local.sh start | status | stop
# Settings: STAGING_DB (bookkeeper_staging), STAGING_PORTS ("18081 18082"), STAGING_DIR (data/staging).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${STAGING_DB:-bookkeeper_staging}
PORTS=${STAGING_PORTS:-"18081 18082"}
DIR=${STAGING_DIR:-data/staging}
JAR=target/ai-bookkeeper.jar
PG_HOST=127.0.0.1
PG_PORT=5432

ensure_postgres() {
  if pg_isready -h "$PG_HOST" -p "$PG_PORT" -q 2>/dev/null; then
    return
  fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "PostgreSQL is not running on $PG_HOST:$PG_PORT and pg_ctlcluster is missing; install the postgresql package." >&2
    exit 1
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster "$version" main start
  for _ in $(seq 1 30); do pg_isready -h "$PG_HOST" -p "$PG_PORT" -q && return; sleep 1; done
  echo "PostgreSQL did not come up on $PG_HOST:$PG_PORT within 30 s." >&2
  exit 1
}

ensure_database() {
  if [ "$(psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
    psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE $DB"
    echo "Created database $DB."
  fi
}

running() { # pid file -> 0 when that process is alive
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

await_healthy() { # port pidfile log
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1; then
      echo "Instance on 127.0.0.1:$1 is healthy (pid $(cat "$2"))."
      return
    fi
    if ! running "$2"; then
      echo "Instance on port $1 exited; the end of its log $3:" >&2
      tail -n 40 "$3" >&2
      exit 1
    fi
    sleep 1
  done
  echo "Instance on port $1 was not healthy within 120 s; see $3." >&2
  exit 1
}

start() {
  [ -f "$JAR" ] || { echo "No $JAR; build it first: ./mvnw -B -q package -DskipTests" >&2; exit 1; }
  ensure_postgres
  ensure_database
  mkdir -p "$DIR"
  local first=1
  for port in $PORTS; do
    pidfile="$DIR/app-$port.pid"
    log="$DIR/app-$port.log"
    if running "$pidfile"; then
      echo "Instance on port $port already runs (pid $(cat "$pidfile"))."
      continue
    fi
    BOOKKEEPER_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" BOOKKEEPER_DB_USER=postgres \
      BOOKKEEPER_HTTP_ADDRESS=127.0.0.1 BOOKKEEPER_HTTP_PORT="$port" \
      nohup java -Xmx512m -jar "$JAR" serve >"$log" 2>&1 &
    echo $! >"$pidfile"
    # the first instance runs the migrations alone; the next ones start on a ready schema
    if [ "$first" = 1 ]; then await_healthy "$port" "$pidfile" "$log"; first=0; fi
  done
  for port in $PORTS; do await_healthy "$port" "$DIR/app-$port.pid" "$DIR/app-$port.log"; done
}

stop() {
  for port in $PORTS; do
    pidfile="$DIR/app-$port.pid"
    if running "$pidfile"; then
      pid=$(cat "$pidfile")
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; fi
      echo "Stopped the instance on port $port (pid $pid)."
    else
      echo "No instance runs on port $port."
    fi
    rm -f "$pidfile"
  done
}

status() {
  local all=0
  for port in $PORTS; do
    pidfile="$DIR/app-$port.pid"
    if running "$pidfile" && curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
      echo "port $port: healthy (pid $(cat "$pidfile"))"
    elif running "$pidfile"; then
      echo "port $port: running, not healthy (pid $(cat "$pidfile"))"; all=1
    else
      echo "port $port: stopped"; all=1
    fi
  done
  return $all
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "Usage: $0 start|stop|status" >&2; exit 2 ;;
esac
