#!/usr/bin/env bash
# Starts RcaService with its demo on http://127.0.0.1:5080 (RCA_PORT sets another port):
#   1. installs Debian's influxdb with apt-get when influxd is missing;
#   2. starts influxd on 127.0.0.1 (port 8086, or the next free one) with config and data under
#      .data/influxdb, or reuses the one a previous run.sh left running (pid file);
#   3. builds the server and starts it with the demo loader on, which writes the bundled RS
#      incidents to InfluxDB, defines one KPI per incident and replays their windows;
#   4. waits until /api/v1/incidents lists the demo incidents, then keeps the server running.
#      The demo also writes the ctr-demo calibration stream and checks it once.
# Ctrl-C (or SIGTERM to run.sh) stops the server and the influxd this run started.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"

data="$root/.data"
influx_dir="$data/influxdb"
port="${RCA_PORT:-5080}"
if [[ ! "$port" =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then
  echo "run.sh: RCA_PORT is '$port'; expected a TCP port number from 1 to 65535" >&2
  exit 2
fi
url="http://127.0.0.1:$port"
mkdir -p "$influx_dir"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local port=$1
  while port_in_use "$port"; do port=$((port + 1)); done
  echo "$port"
}

if ! command -v influxd >/dev/null 2>&1; then
  echo "run.sh: influxd not found, installing Debian's influxdb with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq influxdb >/dev/null
fi

started_influxd=""
server_pid=""
stop() {
  trap - INT TERM EXIT
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    echo "run.sh: stopping the server (pid $server_pid)" >&2
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ -n "$started_influxd" ]]; then
    if kill -0 "$started_influxd" 2>/dev/null; then
      echo "run.sh: stopping influxd (pid $started_influxd)" >&2
      kill "$started_influxd" 2>/dev/null || true
    fi
    wait "$started_influxd" 2>/dev/null || true
    rm -f "$influx_dir/influxd.pid" "$influx_dir/http-port"
  fi
}
trap stop INT TERM EXIT

# Reuse an influxd from a previous run.sh only while its pid is alive and still an influxd.
influx_port=""
if [[ -f "$influx_dir/influxd.pid" && -f "$influx_dir/http-port" ]]; then
  old_pid=$(cat "$influx_dir/influxd.pid")
  if kill -0 "$old_pid" 2>/dev/null && [[ "$(cat "/proc/$old_pid/comm" 2>/dev/null)" == influxd ]]; then
    influx_port=$(cat "$influx_dir/http-port")
    echo "run.sh: reusing influxd (pid $old_pid) on 127.0.0.1:$influx_port" >&2
  fi
fi

if [[ -z "$influx_port" ]]; then
  influx_port=$(free_port 8086)
  rpc_port=$(free_port $((influx_port + 2)))
  influxd config > "$influx_dir/default.conf" 2>/dev/null
  # Every listener on loopback; data, WAL and meta under .data/influxdb; no internal monitor store.
  sed -E -e "s#bind-address = \":8086\"#bind-address = \"127.0.0.1:$influx_port\"#" \
         -e "s#bind-address = \"127.0.0.1:8088\"#bind-address = \"127.0.0.1:$rpc_port\"#" \
         -e 's#bind-address = ":([0-9]+)"#bind-address = "127.0.0.1:\1"#' \
         -e "s#/var/lib/influxdb#$influx_dir/data#" \
         -e 's#store-enabled = true#store-enabled = false#' \
         "$influx_dir/default.conf" > "$influx_dir/influxdb.conf"
  influxd -config "$influx_dir/influxdb.conf" > "$influx_dir/influxd.log" 2>&1 &
  started_influxd=$!
  echo "$started_influxd" > "$influx_dir/influxd.pid"
  echo "$influx_port" > "$influx_dir/http-port"
  echo "run.sh: started influxd (pid $started_influxd) on 127.0.0.1:$influx_port, log $influx_dir/influxd.log" >&2
fi

for _ in $(seq 1 100); do
  curl -sf -o /dev/null "http://127.0.0.1:$influx_port/ping" && break
  sleep 0.2
done
curl -sf -o /dev/null "http://127.0.0.1:$influx_port/ping" || { echo "run.sh: influxd did not respond to /ping on port $influx_port; see $influx_dir/influxd.log" >&2; exit 1; }

if port_in_use "$port"; then
  echo "run.sh: 127.0.0.1:$port is already in use; stop the other server first or set RCA_PORT to a free port" >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "run.sh: building the server" >&2
dotnet build server/Rca.Server/Rca.Server.csproj -c Release -nologo -v quiet
# Influx__Url is the KPI sources' default connection, which the demo KPIs use.
Influx__Url="http://127.0.0.1:$influx_port" \
  dotnet server/Rca.Server/bin/Release/net10.0/Rca.Server.dll \
  --urls "$url" \
  --contentRoot "$root/server/Rca.Server" \
  --Data:Directory="$data" \
  --Demo:Enabled=true \
  --Api:DashboardLocalAccess=true \
  --Demo:InfluxUrl="http://127.0.0.1:$influx_port" &
server_pid=$!

for _ in $(seq 1 120); do
  curl -sf -o /dev/null "$url/healthz" && break
  kill -0 "$server_pid" 2>/dev/null || { echo "run.sh: the server exited during start-up" >&2; exit 1; }
  sleep 1
done

echo "run.sh: waiting for the demo incidents at $url/api/v1/incidents" >&2
count=0
for _ in $(seq 1 120); do
  count=$(curl -sf "$url/api/v1/incidents?limit=1" | sed -nE 's/.*"total":([0-9]+).*/\1/p')
  [[ "${count:-0}" -ge 5 ]] && break
  sleep 1
done
echo "run.sh: $url/api/v1/incidents lists ${count:-0} incidents; health: $(curl -s "$url/healthz")" >&2
echo "run.sh: calibration: $(curl -s "$url/api/v1/calibration/models" | grep -oE '"name":"ctr-demo".*"verdict":"[a-z_]+"' | sed -E 's/.*"verdict":"([a-z_]+)".*/ctr-demo is \1/'); see $url/api/v1/calibration/models" >&2
echo "run.sh: server on $url (incident dashboard $url/, jobs $url/hangfire, OpenAPI $url/openapi/v1.json); Ctrl-C stops it" >&2
wait "$server_pid"
