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
source "$root/tests/postgres.sh"
start_test_postgres

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
