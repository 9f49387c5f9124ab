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
  echo "reusing ${pg:+the PostgreSQL database}${pg:-$db}: $(sql 'select count(*) from "DenialCases"') denial cases (delete it to rebuild)"
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
npm install --prefix "$work/npm" --no-audit --no-fund --silent autocannon@9.0.0 >/dev/null
export AC="$work/npm/node_modules/autocannon"
printf '%-16s %8s %8s %8s %8s %8s %9s %7s %12s\n' page "p50 ms" "p90 ms" "p95 ms" "p97.5" "p99 ms" "req/s" errors "CPU ms/req"
for path in ${APPEALS_LOAD_PAGES:-/Queue case /Dashboard}; do
  [ "$path" = case ] && path="/Cases/$case_id"
  # A short warm-up first (JIT tiers, SQLite's page cache), not counted.
  node "$root/bench/load-p95.js" "$base$path" "$cookie" 5 "$connections" > /dev/null
  before=$(cpu_ticks)
  node "$root/bench/load-p95.js" "$base$path" "$cookie" "$seconds" "$connections" > "$work/result.json"
  after=$(cpu_ticks)
  python3 - "$path" "$work/result.json" "$before" "$after" "$ticks_per_s" <<'PY'
import json, sys
r = json.load(open(sys.argv[2]))
if r["responses"] == 0:
    # No response completed within the run (each took longer than it lasted): say so instead of printing empty columns.
    print(f'{sys.argv[1]:<16} no response completed in the run ({r["errors"]} errors/timeouts): run it longer or on an idle machine')
    sys.exit(0)
cpu = (int(sys.argv[4]) - int(sys.argv[3])) * 1000 / int(sys.argv[5]) / max(r["responses"], 1)
print(f'{sys.argv[1]:<16} {r["p50"]:>8} {r["p90"]:>8} {r["p95"]:>8} {r["p97_5"]:>8} {r["p99"]:>8} {r["requestsPerSecond"]:>9.0f} {r["errors"]:>7} {cpu:>12.2f}')
PY
done
echo
echo "server peak RSS: $(awk '/VmHWM/ {print int($2/1024)}' /proc/$(pgrep -P "$server" | head -1 || echo "$server")/status 2>/dev/null || echo '?') MB"
echo "(shared-machine figures are provisional; the lead measures the targets on an idle machine)"
