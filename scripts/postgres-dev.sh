#!/usr/bin/env bash
# A throwaway PostgreSQL for development and CI (issue 15): nothing to configure, nothing left behind.
#
#   scripts/postgres-dev.sh start   initdb into a new temporary folder, start the server on a free loopback
#                                   port, print its connection string (one line, Npgsql form) on stdout
#   scripts/postgres-dev.sh stop    stop that server and delete its folder
#   scripts/postgres-dev.sh status  print the connection string when it runs, exit 1 when it does not
#
# The server's folder is remembered in $APPEALS_PG_STATE (default /tmp/appeals-postgres-dev.state), so a
# second `start` prints the running server's string instead of starting another. PostgreSQL refuses to run
# as root: as root the server runs as the `postgres` user (any other user runs it as themselves).
# The role in the string is `appeals` with a random password (scram-sha-256, loopback only) and may create
# databases: the tests create one per test. Durability is off (fsync, synchronous_commit): a throwaway server
# for tests, never for data you keep and never for timings you report as a production figure; set
# APPEALS_PG_DURABLE=1 for the default settings. Binaries: $PG_BIN, else `pg_config --bindir`, else the newest
# /usr/lib/postgresql/*/bin (Debian: `apt-get install postgresql`).
set -euo pipefail

state_file="${APPEALS_PG_STATE:-/tmp/appeals-postgres-dev.state}"

die() { echo "postgres-dev: $*" >&2; exit 1; }

find_bin() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/pg_ctl" ]; then echo "$PG_BIN"; return; fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
  if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/pg_ctl" ]; then pg_config --bindir; return; fi
  die "no PostgreSQL binaries (pg_ctl, initdb): install PostgreSQL (Debian: apt-get install postgresql) or set PG_BIN"
}

# Runs a command as the server's owner: postgres when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port tries=0
  while [ $tries -lt 200 ]; do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! port_in_use "$port"; then echo "$port"; return; fi
    tries=$((tries + 1))
  done
  die "no free loopback port found"
}

running() {
  [ -f "$state_file" ] || return 1
  local dir
  dir=$(sed -n 1p "$state_file")
  [ -d "$dir/data" ] && as_owner "$(sed -n 2p "$state_file")/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

connection_string() { sed -n 3p "$state_file"; }

start() {
  if running; then connection_string; return; fi
  local bin dir port password
  bin=$(find_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/appeals-postgres.XXXXXX")
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && { id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' user to run the server"; chown postgres: "$dir"; }
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=' )
  # The superuser's password file is read once by initdb and deleted.
  as_owner bash -c "umask 077; printf '%s\n' '$password' > '$dir/pw'"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=scram-sha-256 --pwfile="$dir/pw" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }
  as_owner rm -f "$dir/pw"
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${APPEALS_PG_DURABLE:-0}" = "1" ] && durability=""
  # Two tries: another process may take the port between the check and the bind.
  local attempt
  for attempt in 1 2 3; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$dir' -c max_connections=200 $durability" start >/dev/null; then
      break
    fi
    [ "$attempt" -eq 3 ] && { cat "$dir/server.log" >&2; rm -rf "$dir"; die "the server did not start"; }
  done
  PGPASSWORD="$password" "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE appeals LOGIN CREATEDB PASSWORD '$password';" \
    -c "CREATE DATABASE appeals OWNER appeals;" >/dev/null \
    || { as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$dir"; die "creating the appeals role failed"; }
  local cs="Host=127.0.0.1;Port=$port;Database=appeals;Username=appeals;Password=$password"
  umask 077
  printf '%s\n%s\n%s\n' "$dir" "$bin" "$cs" > "$state_file"
  echo "$cs"
}

stop() {
  [ -f "$state_file" ] || { echo "postgres-dev: not running" >&2; return 0; }
  local dir bin
  dir=$(sed -n 1p "$state_file")
  bin=$(sed -n 2p "$state_file")
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  case "$dir" in
    */appeals-postgres.*) rm -rf "$dir" ;;
  esac
  rm -f "$state_file"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then connection_string; else echo "postgres-dev: not running" >&2; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
