#!/usr/bin/env bash
# The import path as a user meets it (issue 11): the built `appeals` command run as a whole process, with
# everything that runs in production on (cases planned and scored before they are stored, outcomes of later
# ERAs recorded, re-denials linked, the audit entry), on generated files with unique ids and with degenerate
# ids. Every figure below is one whole-process run: wall time and peak RSS from /usr/bin/time, RSS sampled
# every half second from /proc to show whether memory grows. Run it alone on the machine.
#
# usage: bench/import-path.sh [CLAIMS=1000000] [SINGLE=150000] [DRY_RUN_MB=200]
#   APPEALS_BENCH_FILES=DIR keeps the generated files in DIR and reuses them on the next run (generating a million
#   claims takes minutes); APPEALS_BENCH_NO_BUILD=1 uses the Release build already there.
#   targets (2-core machine): CLAIMS import < 60 s, peak RSS < 500 MB and flat; CLP07 "0" within 1.5x of that;
#   the later ERA's outcomes >= 20,000 claims/s; one SINGLE-claim transaction < 300 MB peak RSS;
#   --dry-run of DRY_RUN_MB >= 10x x12-parser 1.3.0 (node), both in this run; cases list and a small dry run < 0.5 s.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
claims="${1:-1000000}"
single="${2:-150000}"
dry_mb="${3:-200}"
work="$(mktemp -d "${TMPDIR:-/tmp}/appeals-import-path.XXXXXX")"
trap 'rm -rf "$work"' EXIT
files="${APPEALS_BENCH_FILES:-$work}"
mkdir -p "$files"

if [ -z "${APPEALS_BENCH_NO_BUILD:-}" ]; then
  echo "building Release (not timed)"
  dotnet build -c Release "$root/src/Appeals.Cli" -v q -nologo >/dev/null
  dotnet build -c Release "$root/bench/Appeals.Bench" -v q -nologo >/dev/null
fi
appeals="$root/src/Appeals.Cli/bin/Release/net10.0/appeals"
bench() { dotnet "$root/bench/Appeals.Bench/bin/Release/net10.0/Appeals.Bench.dll" "$@"; }
export DataProtection__KeysPath="$work/keys" Models__Path="$root/models"

echo "generating files (not timed)"
generate() { # generate FILE ARGS...: only when FILE is not already there
  local file="$1"; shift
  [ -s "$file" ] || bench era-files "$@" | sed 's/^/  /'
}
generate "$files/era-unique-$claims-followup.835" --out "$files" --claims "$claims" --shape unique --followup 10
generate "$files/era-clp07-zero-$claims.835" --out "$files" --claims "$claims" --shape clp07-zero --followup 0
generate "$files/era-single-$single.835" --out "$files" --claims "$single" --shape single --followup 0
dry_claims=$(( dry_mb * 1000000 / 318 ))   # about 318 bytes per generated claim
generate "$files/dry/era-unique-$dry_claims.835" --out "$files/dry" --claims "$dry_claims" --shape unique --followup 0

# run LABEL CMD...: runs one whole process; prints wall s, peak RSS MB and RSS at each quarter of the run.
run() {
  local label="$1"; shift
  local samples="$work/rss.$$" out="$work/out.json"
  : > "$samples"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$out" 2>"$work/err" &
  local pid=$!
  sleep 0.2
  local child; child=$(pgrep -P "$pid" | head -1 || true)
  while kill -0 "$pid" 2>/dev/null; do
    [ -n "$child" ] && awk '/VmRSS/ {print int($2/1024)}' "/proc/$child/status" 2>/dev/null >> "$samples" || true
    sleep 0.5
  done
  wait "$pid" || true
  read -r wall peak < "$work/time"
  local n; n=$(wc -l < "$samples")
  local quarters="-"
  if [ "$n" -ge 4 ]; then
    quarters=$(awk -v n="$n" '{a[NR]=$1} END {printf "%d / %d / %d / %d", a[int(n/4)], a[int(n/2)], a[int(3*n/4)], a[n]}' "$samples")
  fi
  LAST_WALL="$wall"
  printf '%-46s %8.2f s   peak RSS %5d MB   RSS at 25/50/75/100 %%: %s MB\n' "$label" "$wall" $(( peak / 1024 )) "$quarters"
}
count() { python3 -c "import json,sys; d=json.load(open('$work/out.json')); print(d['$1'])"; }

echo
echo "== whole-process runs of the built appeals command =="
run "import $claims claims, unique ids" "$appeals" import "$files/era-unique-$claims.835" --json --db "Data Source=$work/unique.db"
unique_wall="$LAST_WALL"
echo "   claims $(count claims), denial cases $(count denialCases), warnings $(python3 -c "import json; print(len(json.load(open('$work/out.json'))['warnings']))")"
awk -v c="$claims" -v w="$unique_wall" 'BEGIN { printf "   %.0f claims/s\n", c / w }'

run "later ERA paying 10 % of the denials" "$appeals" import "$files/era-unique-$claims-followup.835" --json --db "Data Source=$work/unique.db"
paid=$(count claims)
awk -v c="$paid" -v w="$LAST_WALL" 'BEGIN { printf "   %d claims, outcomes recorded at %.0f claims/s\n", c, c / w }'
sqlite3 "$work/unique.db" "select '   cases recovered: ' || count(*) from DenialCases where Status = 'recovered';" 2>/dev/null || true

run "import $claims claims, every CLP07 \"0\"" "$appeals" import "$files/era-clp07-zero-$claims.835" --json --db "Data Source=$work/zero.db"
awk -v a="$LAST_WALL" -v b="$unique_wall" 'BEGIN { printf "   %.2fx the unique-id import\n", a / b }'
echo "   warnings: $(python3 -c "import json; print(json.load(open('$work/out.json'))['warnings'])")"

run "import one transaction of $single claims" "$appeals" import "$files/era-single-$single.835" --json --db "Data Source=$work/single.db"

echo
echo "== --dry-run of a ${dry_mb} MB file beside x12-parser 1.3.0 (node), same file, same run =="
npm install --prefix "$work/npm" --no-audit --no-fund --silent x12-parser@1.3.0 >/dev/null
dry_file="$files/dry/era-unique-$dry_claims.835"
run "appeals import --dry-run" "$appeals" import "$dry_file" --dry-run --json
ours="$LAST_WALL"
run "node x12-parser (tokenise only)" env NODE_PATH="$work/npm/node_modules" node "$root/bench/x12parser/parse.js" "$dry_file" 1
awk -v a="$LAST_WALL" -v b="$ours" 'BEGIN { printf "   appeals is %.1fx x12-parser (whole processes, wall time)\n", a / b }'

echo
echo "== small commands (best of 5) =="
"$appeals" demo generate --out "$work/small" --claims 200 >/dev/null
small_files=("$work"/small/*.835)   # not `ls | head -1`: with pipefail, ls's SIGPIPE on 125 names stopped the script
small_file="${small_files[0]}"
"$appeals" import "$work/small" --json --db "Data Source=$work/small.db" >/dev/null
best() {
  local label="$1"; shift
  local best=999
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>&1
    best=$(awk -v a="$(cat "$work/time")" -v b="$best" 'BEGIN { print (a < b ? a : b) }')
  done
  printf '%-46s %8.2f s\n' "$label" "$best"
}
best "appeals cases list --json (migrated, 200 claims)" "$appeals" cases list --json --db "Data Source=$work/small.db"
best "appeals import --dry-run (one small file)" "$appeals" import "$small_file" --dry-run --json
best "appeals --help" "$appeals" --help
