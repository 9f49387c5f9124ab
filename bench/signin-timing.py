"""Refused sign-ins against a running Appeals web app, whole process over HTTP (issue 14 item 6): an unknown user name
against a real user with a wrong password, in alternating blocks. Prints wall time of the POST per kind and, when the
server's pid is given, the server's CPU time (utime + stime from /proc) per attempt (GET of the page + POST), which a
loaded machine disturbs far less than wall time.

Start the app with limits that do not get in the way, in Development (outside it cookies are Secure and plain HTTP on
loopback is refused), e.g.
  ASPNETCORE_ENVIRONMENT=Development dotnet src/Appeals.Web/bin/Release/net10.0/Appeals.Web.dll --urls http://127.0.0.1:5914 \
    --ConnectionStrings:Appeals "Data Source=/tmp/t/a.db" --DataProtection:KeysPath /tmp/t/keys --Storage:Path /tmp/t/files \
    --Demo:Seed true --Demo:Claims 40 --Demo:Password Timing-Pass-1234 \
    --Security:SignInAttemptsPerMinute 100000 --Security:MaxFailedLogins 100000
then: python3 bench/signin-timing.py http://127.0.0.1:5914 20 3 [PID]"""
import http.cookiejar, os, re, statistics, sys, time, urllib.parse, urllib.request

base, block, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
pid = sys.argv[4] if len(sys.argv) > 4 else None
kinds = {"unknown user name": "nobody-{}", "real user, wrong password": "specialist"}


def attempt(user):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = opener.open(base + "/Account/Login").read().decode()
    token = re.search(r'__RequestVerificationToken[^>]*value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"UserName": user, "Password": "Wrong-Password-123", "__RequestVerificationToken": token}).encode()
    start = time.perf_counter()
    answer = opener.open(base + "/Account/Login", body).read().decode()
    assert "Sign-in failed" in answer, answer[:300]
    return (time.perf_counter() - start) * 1000


def cpu_seconds():
    if pid is None:
        return 0.0
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


for user in kinds.values():  # warm both paths up
    for i in range(3):
        attempt(user.format(i))
wall = {kind: [] for kind in kinds}
cpu = dict.fromkeys(kinds, 0.0)
for _ in range(rounds):
    for kind, user in kinds.items():
        before = cpu_seconds()
        wall[kind] += [attempt(user.format(i)) for i in range(block)]
        cpu[kind] += cpu_seconds() - before
for kind, times in wall.items():
    times.sort()
    line = f"{kind}: n={len(times)} POST median {statistics.median(times):.1f} ms (p10 {times[len(times) // 10]:.1f}, p90 {times[len(times) * 9 // 10]:.1f})"
    if pid is not None:
        line += f"; server CPU {cpu[kind] * 1000 / len(times):.1f} ms per attempt"
    print(line)
