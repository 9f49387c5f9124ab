#!/usr/bin/env bash
# What the implementation-guide validation (issue 12, ADR 0076) costs on `appeals import --dry-run`: the built
# command of a base commit (default: the commit before validation, 59492b1) against this tree's, on the same
# generated file, in the same session, runs alternating base/new so that load from others hits both alike.
# Prints each run's wall time, the medians, and new/base (target: at most 1.15).
#
# usage: bench/validation-cost.sh [MB=75] [RUNS=5] [BASE=59492b1]
#   BASE_CLI=/path/to/appeals skips building the base (an `appeals` built in Release from BASE elsewhere).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mb="${1:-75}"
runs="${2:-5}"
base="${3:-59492b1}"
work="$(mktemp -d "${TMPDIR:-/tmp}/appeals-validation-cost.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "building Release of $base and of this tree (not timed)"
base_cli="${BASE_CLI:-$work/base/src/Appeals.Cli/bin/Release/net10.0/appeals}"
if [ -z "${BASE_CLI:-}" ]; then
  mkdir "$work/base"
  git -C "$root" archive "$base" | tar -x -C "$work/base"
  dotnet build -c Release "$work/base/src/Appeals.Cli" -v q -nologo >/dev/null
fi
dotnet build -c Release "$root/src/Appeals.Cli" -v q -nologo >/dev/null
dotnet build -c Release "$root/bench/Appeals.Bench" -v q -nologo >/dev/null
new_cli="$root/src/Appeals.Cli/bin/Release/net10.0/appeals"
export DataProtection__KeysPath="$work/keys" Models__Path="$root/models"

claims=$(( mb * 1000000 / 318 ))   # about 318 bytes per generated claim
echo "generating a ${mb} MB file (not timed)"
dotnet "$root/bench/Appeals.Bench/bin/Release/net10.0/Appeals.Bench.dll" era-files --out "$work/era" --claims "$claims" --shape unique --followup 0 >/dev/null
file=$(ls "$work"/era/*.835 | grep -v followup)
echo "  $(basename "$file"): $(( $(stat -c %s "$file") / 1000000 )) MB"

# One whole-process dry run; prints wall seconds. The JSON answer is checked so that a failed run is not timed as fast.
one() {
  local cli="$1" start end
  start=$(date +%s.%N)
  "$cli" import "$file" --dry-run --json > "$work/out.json"
  end=$(date +%s.%N)
  python3 -c "import json,sys; d=json.load(open('$work/out.json')); sys.exit(0 if d['claims'] > 0 and d['rejected'] == 0 else 1)"
  echo "$end - $start" | bc
}

"$base_cli" import "$file" --dry-run --json > /dev/null   # warm the page cache and both builds' first start
"$new_cli" import "$file" --dry-run --json > /dev/null
base_times=() new_times=()
for i in $(seq 1 "$runs"); do
  b=$(one "$base_cli"); n=$(one "$new_cli")
  base_times+=("$b"); new_times+=("$n")
  printf 'run %d: base %6.2f s   new %6.2f s\n' "$i" "$b" "$n"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mb_=$(median "${base_times[@]}"); mn=$(median "${new_times[@]}")
printf 'median: base %.2f s, new %.2f s; new/base = %.3f (target <= 1.15)\n' "$mb_" "$mn" "$(echo "$mn / $mb_" | bc -l)"
