#!/usr/bin/env bash
# The import into PostgreSQL as a user meets it (issue 15): the built `appeals` command, whole process, handlers on,
# against a throwaway server from scripts/postgres-dev.sh (durable settings unless FAST=1). Three runs on fresh databases:
#   one    one node imports file A          (claims/s of one importer)
#   serial one node imports A then B        (one process, both files)
#   two    two nodes import A and B at once (two processes, one database): the ratio serial/two is what a second node buys
#   locked the same two at once, but every write transaction first waits for one lock the database holds until commit
#          (what ids from MAX(Id) under a lock would need; emulated by a statement trigger on every table, ids still from
#          the sequences): issue 15's "sequences or a lock, whichever measures better", as locked/two
# Wall time and CPU time (user+sys) of the importer come from /usr/bin/time; "server cpu" is the PostgreSQL server's
# CPU over the same run (its postmaster, every backend, autovacuum), read from /proc: where the import's time goes,
# client or server (the rest of the wall is waiting: disk, locks, the machine). Run it alone on the machine: wall times
# taken while others build are not target figures.
#
# usage: bench/postgres-import.sh [CLAIMS=500000]     targets: 1,000,000 claims < 60 s; two nodes faster than one
#   APPEALS_BENCH_RUNS="one serial two locked" (the default) chooses the runs: "one" alone at 1,000,000 claims is the
#   import target; "serial two" at 500,000 the two-node ratio (the four at 1,000,000 import 7 million claims).
#   APPEALS_POSTGRES_IMPORT_LANES=1 makes `appeals` write one transaction at a time instead of two (ADR 0136): run "one"
#   with and without it back to back for the lanes' A/B.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
claims="${1:-500000}"
runs=" ${APPEALS_BENCH_RUNS:-one serial two locked} "
wants() { [[ "$runs" == *" $1 "* ]]; }
work="$(mktemp -d "${TMPDIR:-/tmp}/appeals-postgres-import.XXXXXX")"
export APPEALS_PG_STATE="$work/postgres.state"
[ "${FAST:-0}" = "1" ] || export APPEALS_PG_DURABLE=1
cleanup() { "$root/scripts/postgres-dev.sh" stop || true; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "building Release (not timed)"
dotnet build -c Release "$root/src/Appeals.Cli" -v q -nologo >/dev/null
dotnet build -c Release "$root/bench/Appeals.Bench" -v q -nologo >/dev/null
appeals="$root/src/Appeals.Cli/bin/Release/net10.0/appeals"
bench() { dotnet "$root/bench/Appeals.Bench/bin/Release/net10.0/Appeals.Bench.dll" "$@"; }
export DataProtection__KeysPath="$work/keys" Models__Path="$root/models"

echo "generating files (not timed)"
bench era-files --out "$work/a" --claims "$claims" --shape unique --followup 0 --seed 1 | sed 's/^/  /'
file_a=$(ls "$work"/a/*.835 | head -1)
if [ "$runs" != " one " ]; then
  bench era-files --out "$work/b" --claims "$claims" --shape unique --followup 0 --seed 2 | sed 's/^/  /'
  file_b=$(ls "$work"/b/*.835 | head -1)
fi

server=$("$root/scripts/postgres-dev.sh" start)
database() { # a fresh database for one run; prints its connection string
  local name="bench_$1"
  PGPASSWORD="${server##*Password=}" psql -q -h 127.0.0.1 -p "$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$server")" -U appeals -d appeals \
    -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name" >/dev/null
  echo "${server/Database=appeals/Database=$name}"
}
sql_in() { PGPASSWORD="${server##*Password=}" psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$server")" -U appeals -d "bench_$1" >/dev/null; }
# migrate first (not timed): a first start's migration is not the import
prepare() { "$appeals" cases list --provider postgres --db "$1" --json >/dev/null; }
# CPU seconds of the server so far: the postmaster with its reaped children (ended backends), and the live ones.
server_cpu() {
  local pm; pm=$(head -1 "$(sed -n 1p "$APPEALS_PG_STATE")/data/postmaster.pid")
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat"; for c in $(pgrep -P "$pm"); do awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || true; done; } |
    awk -v hz="$(getconf CLK_TCK)" '{s += $1} END {printf "%.1f", s / hz}'
}
timed() { local before; before=$(server_cpu); /usr/bin/time -f "%e %U %S" -o "$1" "${@:2}" >/dev/null; echo "$(server_cpu) - $before" | bc > "$1.server"; }
report() { read -r wall user sys < "$2"; printf '  %-7s wall %6.1f s  cpu %6.1f s  server cpu %6.1f s  %s\n' "$1" "$wall" "$(echo "$user + $sys" | bc)" "$(cat "$2.server")" "$3"; }

if wants one; then
  one=$(database one); prepare "$one"
  timed "$work/t.one" "$appeals" import --provider postgres --db "$one" "$file_a" --json
  report one "$work/t.one" "$claims claims"
fi
wants serial || exit 0

serial=$(database serial); prepare "$serial"
timed "$work/t.serial" "$appeals" import --provider postgres --db "$serial" "$file_a" "$file_b" --json
report serial "$work/t.serial" "$((2 * claims)) claims, one process"

two=$(database two); prepare "$two"
start=$(date +%s.%N)
timed "$work/t.two.a" "$appeals" import --provider postgres --db "$two" "$file_a" --json &
timed "$work/t.two.b" "$appeals" import --provider postgres --db "$two" "$file_b" --json &
wait
end=$(date +%s.%N)
report "two(a)" "$work/t.two.a" ""
report "two(b)" "$work/t.two.b" ""
both=$(echo "$end - $start" | bc)
read -r serial_wall _ < "$work/t.serial"
printf '  two nodes at once: wall %.1f s for %d claims; serial/two = %.2f\n' "$both" "$((2 * claims))" "$(echo "$serial_wall / $both" | bc -l)"
wants locked || exit 0

locked=$(database locked); prepare "$locked"
sql_in locked <<'SQL'
CREATE FUNCTION bench_one_writer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock(15); RETURN NULL; END $$;
DO $$ DECLARE t text; BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory' LOOP
    EXECUTE format('CREATE TRIGGER bench_one_writer BEFORE INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bench_one_writer()', t);
  END LOOP;
END $$;
SQL
start=$(date +%s.%N)
timed "$work/t.locked.a" "$appeals" import --provider postgres --db "$locked" "$file_a" --json &
timed "$work/t.locked.b" "$appeals" import --provider postgres --db "$locked" "$file_b" --json &
wait
end=$(date +%s.%N)
locked_wall=$(echo "$end - $start" | bc)
printf '  two nodes, one lock: wall %.1f s for %d claims; locked/two = %.2f (above 1: sequences measure better)\n' "$locked_wall" "$((2 * claims))" "$(echo "$locked_wall / $both" | bc -l)"
