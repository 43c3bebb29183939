#!/usr/bin/env bash
# Runs every test of RcaService: installs the servers the tests start themselves (influxd,
# PostgreSQL, Chromium) when they are missing, builds the solution and runs dotnet test.
# Ends with a plain "N passed, M failed" line and a non-zero exit status when anything failed.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v influxd >/dev/null 2>&1 || need+=(influxdb)
[[ -x /usr/bin/chromium ]] || need+=(chromium)
# A CJK font, so the browser test's Simplified Chinese screenshots show characters, not boxes.
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
# Debian's postinst creates a cluster but does not start it. The tests start their own on a free port.
[[ -x /usr/lib/postgresql/15/bin/initdb ]] || need+=(postgresql)
if ((${#need[@]})); then
  echo "test.sh: installing ${need[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$(mktemp -d)"
dotnet build RcaService.sln -c Release -nologo -v quiet
status=0
dotnet test RcaService.sln -c Release --no-build --logger "trx" --results-directory "$results" "$@" || status=$?

passed=0 failed=0
for trx in "$results"/*.trx; do
  [[ -e "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f))
done
echo "$passed passed, $failed failed"
if ((status != 0 || failed != 0 || passed == 0)); then exit 1; fi
