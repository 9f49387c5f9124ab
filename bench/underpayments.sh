#!/usr/bin/env bash
# Issue 16's import target: the import of CLAIMS claims with payer contracts loaded stays within the import's own budget
# (bench/import-path.sh: < 60 s for 1,000,000 claims on the 2-core machine). Two whole-process runs of the built `appeals`
# command on the same generated file, each on a fresh database: without contracts, then with a contract for every payer
# and procedure code of the file (so every paid line is compared). RATE sets the contracted amount per unit: the generated
# lines are allowed 35.00-314.30, so RATE 36 makes almost no underpayment case (the comparison's own cost) and RATE 100
# makes about one claim in five an underpayment case (the cost of opening them). Run it alone on the machine.
#
# usage: bench/underpayments.sh [CLAIMS=1000000] [RATE=36]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
claims="${1:-1000000}"
rate="${2:-36}"
work="$(mktemp -d "${TMPDIR:-/tmp}/appeals-underpayments.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "building Release (not timed)"
dotnet build -c Release "$root/src/Appeals.Cli" -v q -nologo >/dev/null
dotnet build -c Release "$root/bench/Appeals.Bench" -v q -nologo >/dev/null
appeals="$root/src/Appeals.Cli/bin/Release/net10.0/appeals"
export DataProtection__KeysPath="$work/keys" Models__Path="$root/models"

echo "generating files (not timed)"
dotnet "$root/bench/Appeals.Bench/bin/Release/net10.0/Appeals.Bench.dll" era-files --out "$work" --claims "$claims" --shape unique --followup 0 | sed 's/^/  /'
file="$work/era-unique-$claims.835"
# The payers and procedure codes bench/Appeals.Bench/SyntheticEra.cs writes.
{
  echo "payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to"
  for payer in SYNPAYER01 SYNPAYER02 SYNPAYER03 SYNPAYER04 SYNPAYER05; do
    for code in 99213 99214 97110 80053 71046 93000 J1100 36415; do echo "$payer,$code,,$rate.00,2025-01-01,"; done
  done
} > "$work/contracts.csv"

run() {
  local label="$1" db="$2"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$appeals" import "$file" --db "Data Source=$db" --json > "$work/out.json"
  read -r wall user sys peak < "$work/time"
  printf '%-28s %8.2f s wall   %8.2f s CPU   peak RSS %5d MB   %s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" $(( peak / 1024 )) \
    "$(python3 -c "import json; d=json.load(open('$work/out.json')); print(f\"{d['claims']} claims, {d['denialCases']} denial cases, {len(d['errors'])} errors\")")"
}

echo
echo "== whole-process imports of $claims claims =="
run "without contracts" "$work/plain.db"
"$appeals" contracts import "$work/contracts.csv" --db "Data Source=$work/contracts.db" | sed 's/^/  /'
run "with contracts (rate $rate)" "$work/contracts.db"
"$appeals" report payers --db "Data Source=$work/contracts.db" --json > "$work/payers.json"
python3 -c "import json; d=json.load(open('$work/payers.json')); print('  underpayment cases opened:', sum(p['underpaymentCases'] for p in d['payers']))"
/usr/bin/time -f "  report payers at this size: %e s wall, %M KB peak RSS (whole process)" "$appeals" report payers --db "Data Source=$work/contracts.db" --json > /dev/null
