#!/usr/bin/env bash
# The queue, a case page and the dashboard under load as issue 13's targets name it: the Release web app on
# loopback over a database of CASES denial cases (generated 835s imported by the built `appeals` command), a
# manager signed in with a real cookie, and autocannon (npm) holding CONNECTIONS concurrent users for SECONDS
# on each page in turn. Targets (20 users, 1,000,000 cases): /Queue p95 < 100 ms, /Cases/{id} p95 < 150 ms,
# /Dashboard p95 < 1 s, no errors. p95 is read from every response of the run (bench/load-p95.js), after a 5 s warm-up per page.
# usage: bench/web-load.sh [CASES=1000000] [SECONDS=20] [CONNECTIONS=20]
# APPEALS_LOAD_DB=/tmp/appeals-load-1m.db keeps the imported database (and its key ring beside it) and reuses it on the
# next run: generating and importing a million cases takes far longer than the measurement. Delete it to rebuild.
# APPEALS_LOAD_PAGES="/Queue /Dashboard" measures only those pages ("case" stands for the chosen case page).
# APPEALS_LOAD_POSTGRES='Host=...;Port=...;Database=...;Username=...;Password=...' (e.g. from scripts/postgres-dev.sh
# start) measures on that PostgreSQL database instead (issue 15): imported on the first run, reused while it holds cases;
# its key ring and demo password are kept in ${APPEALS_LOAD_POSTGRES_DIR:-/tmp/appeals-load-postgres}.
# On PostgreSQL the table also gives the server's CPU per request and, with pg_stat_statements loaded, the statements a request
# sends and their time in the server (as the superuser: ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements', restart
# the server, then CREATE EXTENSION pg_stat_statements in the bench database).
# On a shared machine every figure is provisional: the lead measures targets on an idle one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cases="${1:-1000000}"
seconds="${2:-20}"
connections="${3:-20}"
work="$(mktemp -d "${TMPDIR:-/tmp}/appeals-web-load.XXXXXX")"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

if [ -z "${APPEALS_LOAD_NO_BUILD:-}" ]; then # set it to measure the Release binaries already built
  echo "building Release (not timed)"
  dotnet build -c Release "$root/src/Appeals.Cli" -v q -nologo >/dev/null
  dotnet build -c Release "$root/src/Appeals.Web" -v q -nologo >/dev/null
  dotnet build -c Release "$root/bench/Appeals.Bench" -v q -nologo >/dev/null
fi
appeals="$root/src/Appeals.Cli/bin/Release/net10.0/appeals"
bench() { dotnet "$root/bench/Appeals.Bench/bin/Release/net10.0/Appeals.Bench.dll" "$@"; }
db="${APPEALS_LOAD_DB:-$work/appeals.db}"
keys="$work/keys"; [ -n "${APPEALS_LOAD_DB:-}" ] && keys="$db.keys"
pg="${APPEALS_LOAD_POSTGRES:-}"
if [ -n "$pg" ]; then
  keep="${APPEALS_LOAD_POSTGRES_DIR:-/tmp/appeals-load-postgres}"; mkdir -p "$keep"; keys="$keep/keys"
  export Database__Provider=postgres
  field() { sed -n "s/.*$1=\([^;]*\).*/\1/p" <<<"$pg"; }
  sql() { PGPASSWORD="$(field Password)" psql -qtA -h "$(field Host)" -p "$(field Port)" -U "$(field Username)" -d "$(field Database)" -c "$1" 2>/dev/null; }
  store=(--provider postgres --db "$pg")
else
  sql() { sqlite3 "$db" "$1"; }
  store=(--db "Data Source=$db")
fi
stored_cases() { { [ -n "$pg" ] || [ -f "$db" ]; } && sql 'select count(*) from "DenialCases"' || echo 0; }
export DataProtection__KeysPath="$keys" Models__Path="$root/models"

if [ "$(stored_cases)" -gt 0 ]; then
  # Never the connection string itself: it holds the password.
  where="$db"; [ -n "$pg" ] && where="the PostgreSQL database $(field Database) on $(field Host):$(field Port)"
  echo "reusing $where: $(sql 'select count(*) from "DenialCases"') denial cases (delete it to rebuild)"
else
  echo "generating and importing about $cases cases (not timed)"
  # The generator's share of denied claims, from a small sample: enough claims for the cases asked for.
  share=$(bench era-files --out "$work/sample" --claims 20000 --followup 0 | sed -n 's/.*: 20,000 claims, \([0-9,]*\) denied.*/\1/p' | tr -d ,)
  claims=$(( cases * 20000 / share ))
  bench era-files --out "$work" --claims "$claims" --followup 10 | sed 's/^/  /'
  "$appeals" import "$work"/era-unique-"$claims".835 "$work"/era-unique-"$claims"-followup.835 "${store[@]}" --json > "$work/import.json"
  rm -f "$work"/era-unique-*.835
  echo "  $(sql 'select count(*) from "DenialCases"') denial cases stored"
fi
# What users see: the web app's job server sweeps deadlines daily, so passed deadlines are marked missed (a database
# reused from before this step gets its sweep here, once; later runs find nothing left to mark).
echo "  deadline sweep (not timed): $("$appeals" deadlines sweep "${store[@]}" --json | tr -d '\n ')"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password="Bench-Load-$RANDOM-Pw1"
# A kept database keeps the demo users made on its first run, with that run's password.
if [ -n "$pg" ]; then
  [ -f "$keep/password" ] || echo "$password" > "$keep/password"
  password=$(cat "$keep/password")
elif [ -n "${APPEALS_LOAD_DB:-}" ]; then
  [ -f "$db.password" ] || echo "$password" > "$db.password"
  password=$(cat "$db.password")
fi
# Development turns the demo users on; the database is not empty, so no demo data is added to it.
(cd "$root/src/Appeals.Web" && exec dotnet bin/Release/net10.0/Appeals.Web.dll --urls "http://127.0.0.1:$port" --environment Development \
  --ConnectionStrings:Appeals "${pg:-Data Source=$db}" --Hangfire:SqlitePath "$work/hangfire.db" \
  --Storage:Path "$work/files" --Demo:Password "$password" --Logging:LogLevel:Default Warning) > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do grep -q "Appeals is running" "$work/server.log" && break; sleep 1; done
grep -q "Appeals is running" "$work/server.log" || { echo "the app did not start:"; tail -20 "$work/server.log"; exit 1; }

base="http://127.0.0.1:$port"
jar="$work/cookies"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
login_token=$(curl -s -c "$jar" -b "$jar" "$base/Account/Login" | token)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "UserName=manager" --data-urlencode "Password=$password" \
  --data-urlencode "__RequestVerificationToken=$login_token" "$base/Account/Login"
cookie=$(awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/Queue")" = 200 ] || { echo "sign-in failed"; exit 1; }
case_id=$(sql 'select "Id" from "DenialCases" order by "Priority" desc, "Id" limit 1 offset 100')
[ -n "$case_id" ] || { echo "no case to measure: the database holds fewer than 101 cases"; exit 1; }
# Each page once before the load: a page that fails says so here, with its status, instead of as an empty result later.
# The first request of a page also compiles its queries: on a loaded machine it can take longer than a short run lasts.
for path in ${APPEALS_LOAD_PAGES:-/Queue case /Dashboard}; do
  [ "$path" = case ] && path="/Cases/$case_id"
  first=$(curl -s -o /dev/null -m 120 -w '%{http_code} %{time_total}' -H "Cookie: $cookie" "$base$path" || true)
  [ "${first%% *}" = 200 ] || { echo "$path answered ${first:-nothing in 120 s} before the load:"; tail -20 "$work/server.log"; exit 1; }
  echo "first request $path: ${first#* } s (not counted)"
done
echo "app on 127.0.0.1:$port, signed in as manager; $connections users for $seconds s per page"
echo

# The server's CPU time per request (user + system, from /proc) does not depend on what else the machine runs:
# on a shared machine it is the figure to compare between runs; 2 cores serve at most 2000 / (CPU ms) requests/s.
server_pid=$(pgrep -P "$server" | head -1 || true); server_pid=${server_pid:-$server}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
ticks_per_s=$(getconf CLK_TCK)
# On a PostgreSQL server of this machine, the server's CPU too (the postmaster with its ended backends, and the live ones,
# as bench/postgres-import.sh reads it), and with pg_stat_statements loaded (see the top) the statements a
# request sends and their time in the server. Npgsql's connection resets (DISCARD ALL, or RESET ALL … with prepared
# statements) ride with the next statement and are not counted. "-" where a figure cannot be read.
db_pid=""
if [ -n "$pg" ]; then db_pid=$(ss -ltnpH "sport = :$(field Port)" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true); fi
db_ticks() {
  [ -n "$db_pid" ] || { echo 0; return; }
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$db_pid/stat"; for c in $(pgrep -P "$db_pid"); do awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || true; done; } | awk '{s += $1} END {print s + 0}'
}
db_statements() {
  [ -n "$pg" ] || { echo "- -"; return; }
  local row
  row=$(sql "select sum(calls), sum(total_exec_time) from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
    and query !~* '^(discard|reset|unlisten|close all|set session authorization|select pg_advisory_unlock_all)'" | tr '|' ' ' || true)
  [ -n "$row" ] && echo "$row" || echo "- -"
}
npm install --prefix "$work/npm" --no-audit --no-fund --silent autocannon@9.0.0 >/dev/null
export AC="$work/npm/node_modules/autocannon"
printf '%-16s %8s %8s %8s %8s %8s %9s %7s %12s %11s %10s %9s\n' page "p50 ms" "p90 ms" "p95 ms" "p97.5" "p99 ms" "req/s" errors "CPU ms/req" \
  "db CPU/req" "stmts/req" "db ms/req"
for path in ${APPEALS_LOAD_PAGES:-/Queue case /Dashboard}; do
  [ "$path" = case ] && path="/Cases/$case_id"
  # A short warm-up first (JIT tiers, SQLite's page cache), not counted.
  node "$root/bench/load-p95.js" "$base$path" "$cookie" 5 "$connections" > /dev/null
  before=$(cpu_ticks); db_before=$(db_ticks); read -r calls_before exec_before <<<"$(db_statements)"
  node "$root/bench/load-p95.js" "$base$path" "$cookie" "$seconds" "$connections" > "$work/result.json"
  after=$(cpu_ticks); db_after=$(db_ticks); read -r calls_after exec_after <<<"$(db_statements)"
  python3 - "$path" "$work/result.json" "$before" "$after" "$ticks_per_s" "${db_pid:+$db_before}" "${db_pid:+$db_after}" \
    "$calls_before" "$calls_after" "$exec_before" "$exec_after" <<'PY'
import json, sys
r = json.load(open(sys.argv[2]))
if r["responses"] == 0:
    # No response completed within the run (each took longer than it lasted): say so instead of printing empty columns.
    print(f'{sys.argv[1]:<16} no response completed in the run ({r["errors"]} errors/timeouts): run it longer or on an idle machine')
    sys.exit(0)
n = max(r["responses"], 1)
cpu = (int(sys.argv[4]) - int(sys.argv[3])) * 1000 / int(sys.argv[5]) / n
def per(a, b, scale=1.0, digits=2):
    try: return f'{(float(b) - float(a)) * scale / n:.{digits}f}'
    except ValueError: return '-'
db_cpu = per(sys.argv[6], sys.argv[7], 1000 / int(sys.argv[5]))
print(f'{sys.argv[1]:<16} {r["p50"]:>8} {r["p90"]:>8} {r["p95"]:>8} {r["p97_5"]:>8} {r["p99"]:>8} {r["requestsPerSecond"]:>9.0f} {r["errors"]:>7} {cpu:>12.2f}'
      f' {db_cpu:>11} {per(sys.argv[8], sys.argv[9], 1, 1):>10} {per(sys.argv[10], sys.argv[11]):>9}')
PY
done
echo
echo "server peak RSS: $(awk '/VmHWM/ {print int($2/1024)}' /proc/$(pgrep -P "$server" | head -1 || echo "$server")/status 2>/dev/null || echo '?') MB"
echo "(shared-machine figures are provisional; the lead measures the targets on an idle machine)"
