#!/usr/bin/env bash
# Runs every test on a fresh Debian machine: installs what the suites need when it is missing,
# starts servers on 127.0.0.1, builds, tests, stops what it started, and prints one closing line
# "N passed, N failed, N skipped" counted from the TRX result files.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Domain).
set -euo pipefail
cd "$(dirname "$0")"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
RESULTS="artifacts/test-results"
STARTED_POSTGRES=""

cleanup() {
  if [ -n "$STARTED_POSTGRES" ]; then $SUDO pg_ctlcluster 15 main stop 2>/dev/null || true; fi
}
trap cleanup EXIT

# --- system packages (only when missing) ---
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || missing+=(nginx)
dpkg -s python3-aiosmtpd >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== Installing ${missing[*]}"
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- servers on loopback, for the suites that need them ---
if ! $SUDO pg_ctlcluster 15 main status >/dev/null 2>&1; then
  $SUDO pg_ctlcluster 15 main start
  STARTED_POSTGRES=1
fi
$SUDO su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
# The cluster tests start their own Redis servers and nginx (they stop them to test outages); they need
# the binaries only.
export REALTY_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"
export REALTY_CHROMIUM="${REALTY_CHROMIUM:-/usr/bin/chromium}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- build and test ---
echo "== Building"
dotnet tool restore >/dev/null
dotnet build Realty.Live.sln -c Release -warnaserror --nologo -v quiet

echo "== Testing"
rm -rf "$RESULTS"
status=0
dotnet test Realty.Live.sln -c Release --no-build --nologo --logger trx --results-directory "$RESULTS" "$@" || status=$?

# --- the closing line, counted from the TRX files ---
counts=$(python3 - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = files = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    files += 1
    c = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
print(files, passed, failed, skipped)
PY
)
read -r files passed failed skipped <<<"$counts"
if [ "$files" -eq 0 ] || [ $((passed + failed)) -eq 0 ]; then
  echo "no test results were found"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
