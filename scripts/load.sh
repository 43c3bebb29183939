#!/usr/bin/env bash
# Load test of the monitoring service; it is not part of the test run. It starts its own influxd
# on a free 127.0.0.1 port with a temporary directory and writes synthetic points for LOAD_KPIS
# KPIs (default 200) of 5,000 leaves each. It then starts the Release build of the server with
# those KPIs on a one-minute schedule, waits LOAD_WARMUP minutes (default 8) for the first checks, and measures
# LOAD_MINUTES minutes (default 5): checks per minute, check latency and peak memory.
# It stops only the processes it started, by pid. Needs influxd, python3, curl and the .NET SDK.
#
#   scripts/load.sh                 # report in $LOAD_DIR/report.json (a temporary directory)
#   LOAD_KPIS=50 LOAD_MINUTES=3 scripts/load.sh
#   LOAD_KEEP=1 scripts/load.sh     # keep the temporary directory (logs, databases)
#   LOAD_HANGFIRE_STORAGE=sqlite LOAD_WORKERS=8 LOAD_WARMUP=6 scripts/load.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
kpis="${LOAD_KPIS:-200}"
minutes="${LOAD_MINUTES:-5}"
warmup="${LOAD_WARMUP:-8}"     # minutes; the first checks of 200 KPIs took 2.6 minutes at a load average of 5, and 5.5 at 15
workers="${LOAD_WORKERS:-4}"
# In-memory by default: Hangfire.Storage.SQLite 0.4.3 crashed the process with a segmentation
# fault in libe_sqlite3 (thread RecurringJobScheduler) after 4 minutes of this load.
hangfire_storage="${LOAD_HANGFIRE_STORAGE:-inmemory}"
history=42   # the default forecast history (8) + baseline windows (30) + margin
dir="${LOAD_DIR:-$(mktemp -d /tmp/rca-load-XXXXXX)}"
mkdir -p "$dir"
export LOAD_KPIS="$kpis" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v influxd >/dev/null || { echo "load.sh: influxd is missing; install it with 'apt-get install -y influxdb'" >&2; exit 1; }
command -v python3 >/dev/null || { echo "load.sh: python3 is missing" >&2; exit 1; }

influx_pid="" server_pid="" sampler_pid=""
cleanup() {
  for pid in "$sampler_pid" "$server_pid" "$influx_pid"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [[ -z "${LOAD_KEEP:-}" ]]; then
    rm -rf "$dir/influxdb" "$dir/data"
  fi
  echo "load.sh: stopped the processes it started; files in $dir" >&2
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# influxd: every listener on loopback, data under $dir, no internal monitor store or reporting.
influx_port=$(free_port)
rpc_port=$(free_port)
mkdir -p "$dir/influxdb"
influxd config 2>/dev/null | sed -E \
  -e "s#bind-address = \":8086\"#bind-address = \"127.0.0.1:$influx_port\"#" \
  -e "s#bind-address = \"127.0.0.1:8088\"#bind-address = \"127.0.0.1:$rpc_port\"#" \
  -e 's#bind-address = ":([0-9]+)"#bind-address = "127.0.0.1:\1"#' \
  -e "s#/var/lib/influxdb#$dir/influxdb#" \
  -e 's#store-enabled = true#store-enabled = false#' \
  -e 's#reporting-enabled = true#reporting-enabled = false#' \
  -e 's#log-enabled = true#log-enabled = false#' \
  -e 's#write-timeout = "10s"#write-timeout = "60s"#' \
  > "$dir/influxdb.conf"
influxd -config "$dir/influxdb.conf" > "$dir/influxd.log" 2>&1 &
influx_pid=$!
influx_url="http://127.0.0.1:$influx_port"
for _ in $(seq 1 150); do curl -sf -o /dev/null "$influx_url/ping" && break; sleep 0.2; done
curl -sf -o /dev/null "$influx_url/ping" || { echo "load.sh: influxd did not respond on $influx_url; see $dir/influxd.log" >&2; exit 1; }
curl -sf -o /dev/null -XPOST "$influx_url/query" --data-urlencode "q=CREATE DATABASE load"
echo "load.sh: influxd (pid $influx_pid) on $influx_url" >&2

echo "load.sh: building the server (Release)" >&2
dotnet build "$root/server/Rca.Server/Rca.Server.csproj" -c Release -nologo -v quiet >/dev/null

# Points from $history minutes back to well past the end of the run are written before the
# server starts, so that every check reads complete windows.
now_minute=$(( $(date +%s) / 60 ))
write_budget=20   # minutes; writing took 10 minutes with a load average of 10
run_start=$(( now_minute + write_budget ))
first=$(( now_minute - history ))
last=$(( run_start + warmup + minutes + 3 ))
python3 "$root/scripts/load.py" seed "$dir/kpis.json"
echo "load.sh: writing $kpis KPIs x 5000 leaves for minutes $first..$last" >&2
write_started=$(date +%s)
python3 "$root/scripts/load.py" write "$influx_url" load "$first" "$last" 2> "$dir/write.log"
write_seconds=$(( $(date +%s) - write_started ))
echo "load.sh: wrote the points in ${write_seconds} s" >&2
if (( $(date +%s) / 60 + warmup + minutes + 1 > last )); then
  echo "load.sh: writing took longer than the $write_budget minutes planned; the run would pass the last written minute" >&2
  exit 1
fi

port=$(free_port)
url="http://127.0.0.1:$port"
mkdir -p "$dir/data"
Influx__Url="$influx_url" Kpis__SeedFile="$dir/kpis.json" \
  dotnet "$root/server/Rca.Server/bin/Release/net10.0/Rca.Server.dll" \
  --urls "$url" --contentRoot "$root/server/Rca.Server" --Data:Directory="$dir/data" \
  --Logging:LogLevel:Default=Warning --Retention:Enabled=false \
  --Hangfire:Storage="$hangfire_storage" --Hangfire:WorkerCount="$workers" > "$dir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "$url/readyz" && break
  kill -0 "$server_pid" 2>/dev/null || { echo "load.sh: the server exited during start-up; see $dir/server.log" >&2; exit 1; }
  sleep 1
done
echo "load.sh: server (pid $server_pid) on $url (Hangfire $hangfire_storage, $workers workers); warming up for $warmup minutes, then measuring $minutes" >&2

# Samples the Hangfire queue length, the server's CPU time and the load average every 5 s.
(
  while true; do
    queue=$(curl -sf "$url/metrics" | awk '/^rca_hangfire_queue_length/ {print $NF}')
    cpu=$(awk '{print $14 + $15}' "/proc/$server_pid/stat" 2>/dev/null || echo "")
    echo "$(date +%s) ${queue:-NA} ${cpu:-NA} $(cut -d' ' -f1 /proc/loadavg)"
    sleep 5
  done
) > "$dir/samples.txt" &
sampler_pid=$!

server_start_minute=$(( $(date +%s) / 60 ))
measure_from=$(( server_start_minute + warmup ))
measure_to=$(( measure_from + minutes ))
# The drops go into the measured minutes, which have not been checked yet.
python3 "$root/scripts/load.py" drop "$influx_url" load "$measure_from"
# Wait until the last measured window has ended and its checks had 50 s to finish.
sleep $(( measure_to * 60 + 50 - $(date +%s) ))

python3 "$root/scripts/load.py" report "$url" "$server_pid" "$measure_from" "$measure_to" "$dir/report.json"
curl -sf "$url/metrics" > "$dir/metrics.txt"
awk -v from=$((measure_from * 60)) -v to=$((measure_to * 60 + 50)) \
  '$1 >= from && $1 <= to { if ($2 != "NA" && $2 > maxq) maxq = $2; if (first == "") first = $3; last = $3; lsum += $4; n++ }
   END { printf "hangfire queue length max %d; server CPU %.2f cores; load average mean %.1f\n", maxq, (last - first) / 100 / (to - from), lsum / n }' \
  "$dir/samples.txt" | tee "$dir/samples-summary.txt"
awk '/VmHWM/ {printf "influxd peak RSS %d MB\n", $2 / 1024}' "/proc/$influx_pid/status" | tee -a "$dir/samples-summary.txt"
echo "load.sh: report in $dir/report.json" >&2
