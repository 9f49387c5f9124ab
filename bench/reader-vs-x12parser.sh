#!/usr/bin/env bash
# Reader throughput next to the npm package x12-parser 1.3.0 on the same generated 835, in one run.
# usage: bench/reader-vs-x12parser.sh [SIZE_MB=50] [RUNS=5]
# Run it alone on the machine: figures from a shared, busy machine are only indicative.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-50}"
runs="${2:-5}"
npm_dir="$(mktemp -d)"
trap 'rm -rf "$npm_dir"' EXIT
npm install --prefix "$npm_dir" --no-audit --no-fund --silent x12-parser@1.3.0 >/dev/null
dotnet run -c Release --project "$root/bench/Appeals.Bench" -- reader \
  --size-mb "$size" --runs "$runs" \
  --x12parser "$npm_dir/node_modules" --x12parser-script "$root/bench/x12parser/parse.js"
