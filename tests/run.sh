#!/usr/bin/env bash
# The one test command: installs what the tests need (idempotently), builds, runs every test project,
# and ends with one line "N passed, N failed[, N skipped]" summing all runs. Exits non-zero if any test failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/tests/artifacts/results"
rm -rf "$results" && mkdir -p "$results"

# Node packages for the card checks and the browser tests (pinned in tests/package-lock.json).
stamp="$root/tests/node_modules/.lock-stamp"
if [ ! -f "$stamp" ] || ! cmp -s "$root/tests/package-lock.json" "$stamp"; then
  npm ci --prefix "$root/tests" --no-audit --no-fund --loglevel=error
  cp "$root/tests/package-lock.json" "$stamp"
fi

# Debian's Chromium for the browser tests; test tools never download a browser of their own.
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

# Debian's nginx for the stand-in of deploy/compose.yaml's proxy (tests/ClosureBot.Tests/Deploy/NginxProxy.cs runs
# deploy/nginx.conf with it as a child process); the package's own service is not used.
if [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  fi
fi

# PostgreSQL from Debian for the suites that run on both storage providers: a private cluster in a temp folder on a
# free loopback port, stopped (and removed) when this script ends. The tests find it through CLOSUREBOT_TEST_POSTGRES.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
fi
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pg_root="$(mktemp -d /tmp/closurebot-pg-XXXXXX)"
pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  # initdb and pg_ctl refuse to run as root; the data folder must belong to the user the server runs as.
  chown postgres:postgres "$pg_root"
  as_pg=(runuser -u postgres --)
fi
stop_postgres() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_root/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$pg_root"
}
trap stop_postgres EXIT
# Bash runs the EXIT trap when a signal ends it only if that signal is trapped. A watcher in a session of its own stops
# the server too once this script is gone, however it ended: killed outright (SIGKILL), or with its whole process group
# (the server leaves that group when it starts).
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; "${@:2}" -D "$0/data" -m fast stop >/dev/null 2>&1; rm -rf "$0"' \
  "$pg_root" "$$" "${as_pg[@]}" "$pg_bin/pg_ctl" </dev/null >/dev/null 2>&1 &
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_root/data" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_root -c max_connections=300 -c fsync=off" start >/dev/null
export CLOSUREBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

dotnet build ClosureBot.sln -c Release --nologo -v quiet
status=0
dotnet test ClosureBot.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true || status=$?

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
line = f"{passed} passed, {failed} failed"
print(line + (f", {skipped} skipped" if skipped else ""))
PY
exit $status
