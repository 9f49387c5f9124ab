#!/usr/bin/env bash
# The later ERA alone (issue 11's "outcomes recorded at >= 20,000 claims/s"), whole process: the built `appeals` imports
# the follow-up file (paying 10 % of the denials) onto a fresh copy of a database that already holds the million-claim
# import, TRIALS times; each trial prints wall, user+sys CPU seconds, peak RSS and claims/s. Building the base database
# once (about 70 s idle) is what import-path.sh does before its own later-ERA run; here it is kept and copied per trial.
#
# usage: bench/later-era.sh BASE_DB FILES_DIR [TRIALS=3]
#   BASE_DB    a SQLite file made by: appeals import FILES_DIR/era-unique-1000000.835 --db "Data Source=BASE_DB"
#              (made with the same DataProtection__KeysPath; it is only read, each trial works on a copy beside it)
#   FILES_DIR  where bench/import-path.sh (APPEALS_BENCH_FILES) left era-unique-1000000-followup.835
#   APPEALS_BIN=DIR runs DIR/appeals instead of the Release build (e.g. a copy of an older build, for an A/B).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
base="$1"; files="$2"; trials="${3:-3}"
appeals="${APPEALS_BIN:-$root/src/Appeals.Cli/bin/Release/net10.0}/appeals"
followup="$files/era-unique-1000000-followup.835"
copy="$(dirname "$base")/later-era-trial.db"
trap 'rm -f "$copy" "$copy-wal" "$copy-shm" "$copy.json" "$copy.time"' EXIT
export Models__Path="${Models__Path:-$root/models}"
for trial in $(seq "$trials"); do
  rm -f "$copy-wal" "$copy-shm"
  cp "$base" "$copy"
  # A user's database was not written a moment ago: without this, the import's first checkpoint (its fsync of the database
  # file) waits for the kernel to write back the whole fresh copy (857 MB at 1M claims), about a second of idle wall time
  # that belongs to the copy, not to the import.
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$copy.time" "$appeals" import "$followup" --json --db "Data Source=$copy" > "$copy.json"
  read -r wall user sys peak < "$copy.time"
  claims=$(python3 -c "import json; print(json.load(open('$copy.json'))['claims'])")
  recovered=$(sqlite3 "$copy" "select count(*) from DenialCases where Status = 'recovered';" 2>/dev/null || echo "?")
  awk -v t="$trial" -v w="$wall" -v u="$user" -v s="$sys" -v m="$peak" -v c="$claims" -v r="$recovered" 'BEGIN {
    printf "trial %d: %d claims in %.2f s wall (%.0f claims/s), %.2f CPU-s (user %.2f + sys %.2f), peak RSS %d MB, %s cases recovered\n",
      t, c, w, c / w, u + s, u, s, m / 1024, r }'
done
