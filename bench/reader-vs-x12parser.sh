#!/usr/bin/env bash
# Reader throughput next to the npm package x12-parser 1.3.0 on the same generated 835, in one run.
# usage: bench/reader-vs-x12parser.sh [SIZE_MB=50] [RUNS=5]
# Run it alone on the machine: figures from a shared, busy machine are only indicative.
# The first run is the one the targets are judged on (default runtime settings). A second, reader-only
# run on the same file shows the effect of a larger gen0 GC budget, which .NET takes only from the
# environment (DOTNET_GCgen0size; no runtimeconfig knob): it is a deployment option, not the default.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-50}"
runs="${2:-5}"
npm_dir="$(mktemp -d)"
trap 'rm -rf "$npm_dir"' EXIT
npm install --prefix "$npm_dir" --no-audit --no-fund --silent x12-parser@1.3.0 >/dev/null
file="$npm_dir/bench.835"
dotnet run -c Release --project "$root/bench/Appeals.Bench" -- reader \
  --size-mb "$size" --runs "$runs" --keep "$file" \
  --x12parser "$npm_dir/node_modules" --x12parser-script "$root/bench/x12parser/parse.js"
echo "--- the same reader and file with DOTNET_GCgen0size=0x1000000 (16 MB gen0 budget; environment-only, not the default):"
DOTNET_GCgen0size=0x1000000 dotnet run -c Release --no-build --project "$root/bench/Appeals.Bench" -- reader --file "$file" --runs "$runs"
