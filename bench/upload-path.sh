#!/usr/bin/env bash
# A web upload as a user meets it (issue 11): the Release web app running on loopback with everything on (its
# Hangfire server and jobs, the demo seed, the import pipeline), a specialist signed in with a real cookie, one
# generated 835 posted to /Imports with its antiforgery token, timed from the POST until the upload's job says done.
# usage: bench/upload-path.sh [CLAIMS=100000]   (the upload limit is 50 MB a file: about 150,000 claims)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
claims="${1:-100000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/appeals-upload-path.XXXXXX")"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

echo "building Release and generating the file (not timed)"
dotnet build -c Release "$root/src/Appeals.Web" -v q -nologo >/dev/null
dotnet build -c Release "$root/bench/Appeals.Bench" -v q -nologo >/dev/null
dotnet "$root/bench/Appeals.Bench/bin/Release/net10.0/Appeals.Bench.dll" era-files --out "$work" --claims "$claims" --followup 0 | sed 's/^/  /'
file="$work/era-unique-$claims.835"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password="Bench-Upload-$RANDOM-Pw1"
(cd "$root/src/Appeals.Web" && exec dotnet bin/Release/net10.0/Appeals.Web.dll --urls "http://127.0.0.1:$port" --environment Development \
  --ConnectionStrings:Appeals "Data Source=$work/appeals.db" --Hangfire:SqlitePath "$work/hangfire.db" \
  --DataProtection:KeysPath "$work/keys" --Storage:Path "$work/files" --Demo:Password "$password") > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do grep -q "Appeals is running" "$work/server.log" && break; sleep 1; done
grep -q "Appeals is running" "$work/server.log" || { echo "the app did not start:"; tail -20 "$work/server.log"; exit 1; }
echo "app running on 127.0.0.1:$port (demo data seeded)"

base="http://127.0.0.1:$port"
jar="$work/cookies"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
login_token=$(curl -s -c "$jar" -b "$jar" "$base/Account/Login" | token)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "UserName=specialist" --data-urlencode "Password=$password" \
  --data-urlencode "__RequestVerificationToken=$login_token" "$base/Account/Login"
upload_token=$(curl -s -c "$jar" -b "$jar" "$base/Imports" | token)
[ -n "$upload_token" ] || { echo "sign-in failed"; exit 1; }

start=$(date +%s.%N)
job=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" -F "__RequestVerificationToken=$upload_token" -F "files=@$file" "$base/Imports")
posted=$(date +%s.%N)
case "$job" in */Imports/*-*) ;; *) echo "upload refused (redirect: $job)"; exit 1 ;; esac
state=queued
while [ "$state" = queued ] || [ "$state" = running ]; do
  sleep 0.2
  state=$(curl -s -b "$jar" "$job/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
done
done_at=$(date +%s.%N)
[ "$state" = done ] || { echo "job ended $state"; exit 1; }
awk -v s="$start" -v p="$posted" -v d="$done_at" -v c="$claims" 'BEGIN {
  printf "upload of %d claims: POST %.2f s, POST to done %.2f s, %.0f claims/s (whole app, everything on)\n", c, p - s, d - s, c / (d - s) }'
sqlite3 "$work/appeals.db" "select '  cases scored: ' || count(ScoredAt) || ' of ' || count(*) from DenialCases; select '  audit entries for imports: ' || count(*) from AuditEntries where Action = 'import';" 2>/dev/null || true
echo "  server peak RSS: $(awk '/VmHWM/ {print int($2/1024)}' /proc/$(pgrep -P "$server" | head -1 || echo "$server")/status 2>/dev/null || echo '?') MB"
