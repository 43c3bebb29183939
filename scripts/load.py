#!/usr/bin/env python3
"""Helpers of load.sh: the KPI seed file, the synthetic points and the report.

  load.py seed OUT                       write the seed file of KPIS KPIs
  load.py write URL DB FROM TO           write the points of the minutes [FROM, TO) (Unix minutes)
  load.py drop URL DB START              overwrite the drops of one KPI in ten, from minute START + 1
  load.py report URL PID FROM TO OUT     summarise the checks of windows [FROM, TO) and the process

The layout: MEASUREMENTS measurements with FIELDS fields each; KPI k sums field k % FIELDS of
measurement k // FIELDS. Every measurement has the tags a (10 values), b (20) and c (25), so each
KPI has 5,000 leaves. One KPI in ten drops to 10 % in a=a3 for one minute of the measured run.
"""
import http.client
import json
import os
import statistics
import sys
import time
import urllib.parse
import urllib.request

KPIS = int(os.environ.get("LOAD_KPIS", "200"))
FIELDS = 10
MEASUREMENTS = (KPIS + FIELDS - 1) // FIELDS
A, B, C = 10, 20, 25
LEAVES = A * B * C


def kpi_name(k):
    return f"load-{k:03d}"


def anomaly_minute(k, start):
    """Returns the Unix minute of KPI k's drop, or None; the drops are spread over four minutes."""
    if k % 10 != 0:
        return None
    return start + 1 + (k // 10) % 4


def value(leaf, field, minute):
    return 20 + ((leaf * 37 + field * 11) % 180) + (minute * 31 + leaf * 17) % 9 - 4


def seed(out):
    kpis = []
    for k in range(KPIS):
        kpis.append({
            "name": kpi_name(k),
            "source": {"database": "load"},
            "measurement": f"m{k // FIELDS:02d}",
            "measure": "sum",
            "field": f"f{k % FIELDS}",
            "attributes": ["a", "b", "c"],
            "interval": "1m",
            "schedule": "* * * * *",
        })
    with open(out, "w") as f:
        json.dump({"kpis": kpis}, f, indent=1)


def write(url, database, first, last):
    connection, path = open_write(url, database)
    tags = [f"a=a{leaf // (B * C)},b=b{(leaf // C) % B},c=c{leaf % C}" for leaf in range(LEAVES)]
    batch, lines_written, started = [], 0, time.time()
    for minute in range(first, last):
        timestamp = minute * 60 + 7
        for measurement in range(MEASUREMENTS):
            for leaf in range(LEAVES):
                fields = ",".join(f"f{field}={value(leaf, field, minute)}" for field in range(FIELDS))
                batch.append(f"m{measurement:02d},{tags[leaf]} {fields} {timestamp}")
                if len(batch) == 20000:
                    post(connection, path, batch)
                    lines_written += len(batch)
                    batch = []
        print(f"load.py: wrote minute {minute - first + 1}/{last - first} ({lines_written} lines, {time.time() - started:.0f} s)", file=sys.stderr, flush=True)
    if batch:
        post(connection, path, batch)


def drop(url, database, start):
    """Overwrites field k of the a=a3 leaves with 10 % of its value at KPI k's anomaly minute.

    InfluxDB merges the fields of a point written again with the same series and time, so only
    the dropped field changes.
    """
    connection, path = open_write(url, database)
    batch = []
    for k in range(KPIS):
        minute = anomaly_minute(k, start)
        if minute is None:
            continue
        field = k % FIELDS
        for leaf in range(3 * B * C, 4 * B * C):
            tags = f"a=a3,b=b{(leaf // C) % B},c=c{leaf % C}"
            batch.append(f"m{k // FIELDS:02d},{tags} f{field}={value(leaf, field, minute) // 10} {minute * 60 + 7}")
    post(connection, path, batch)


def open_write(url, database):
    parsed = urllib.parse.urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=300)
    return connection, "/write?" + urllib.parse.urlencode({"db": database, "precision": "s"})


def post(connection, path, lines):
    """Posts one batch; retries up to 5 times when influxd times out, as it does on a busy machine.

    InfluxDB overwrites a point written again with the same series and time, so a retried batch
    that was partly written leaves the same data.
    """
    body = "\n".join(lines).encode()
    for attempt in range(6):
        connection.request("POST", path, body=body, headers={"Content-Type": "text/plain"})
        response = connection.getresponse()
        text = response.read()
        if response.status == 204:
            return
        if response.status != 500 or b"timeout" not in text or attempt == 5:
            raise SystemExit(f"load.py: InfluxDB /write returned HTTP {response.status}: {text[:500]!r}")
        print(f"load.py: InfluxDB /write timed out; retrying in {2 ** attempt} s", file=sys.stderr, flush=True)
        time.sleep(2 ** attempt)


def get_json(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)


def percentile(values, q):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(url, pid, first, last, out):
    first_iso = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(first * 60))
    checks = []
    for k in range(KPIS):
        page = get_json(f"{url}/api/v1/kpis/{kpi_name(k)}/checks?limit=200")
        for check in page["items"]:
            window = check["windowStart"][:19]
            if first_iso <= window < time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(last * 60)):
                checks.append(check)

    minutes = last - first
    totals = [c["durations"]["total"] for c in checks]
    queries = [c["durations"]["query"] for c in checks]
    localizations = [c["durations"]["localize"] for c in checks if c["status"] == "anomalous"]
    lags = []
    for c in checks:
        window_end = time.mktime(time.strptime(c["windowStart"][:19], "%Y-%m-%dT%H:%M:%S")) + 60
        checked = time.mktime(time.strptime(c["checkedAt"][:19], "%Y-%m-%dT%H:%M:%S"))
        lags.append(checked - window_end)
    by_status = {}
    for c in checks:
        by_status[c["status"]] = by_status.get(c["status"], 0) + 1

    status = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            status[key] = value.strip()

    result = {
        "kpis": KPIS,
        "leaves_per_kpi": LEAVES,
        "windows_measured": minutes,
        "checks_expected": KPIS * minutes,
        "checks_stored": len(checks),
        "checks_per_minute": round(len(checks) / minutes, 1),
        "checks_by_status": by_status,
        "check_total_ms_p50": round(percentile(totals, 0.5), 1),
        "check_total_ms_p95": round(percentile(totals, 0.95), 1),
        "check_total_ms_max": round(max(totals), 1) if totals else None,
        "query_ms_p50": round(percentile(queries, 0.5), 1),
        "query_ms_p95": round(percentile(queries, 0.95), 1),
        "localize_ms_median": round(statistics.median(localizations), 1) if localizations else None,
        "lag_after_window_end_s_p50": round(percentile(lags, 0.5), 1),
        "lag_after_window_end_s_p95": round(percentile(lags, 0.95), 1),
        "lag_after_window_end_s_max": round(max(lags), 1) if lags else None,
        "server_peak_rss_mb": round(int(status["VmHWM"].split()[0]) / 1024),
        "server_rss_mb_now": round(int(status["VmRSS"].split()[0]) / 1024),
    }
    with open(out, "w") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result, indent=2))


def main(argv):
    if len(argv) >= 2 and argv[1] == "seed":
        seed(argv[2])
    elif len(argv) >= 2 and argv[1] == "write":
        write(argv[2], argv[3], int(argv[4]), int(argv[5]))
    elif len(argv) >= 2 and argv[1] == "drop":
        drop(argv[2], argv[3], int(argv[4]))
    elif len(argv) >= 2 and argv[1] == "report":
        report(argv[2], int(argv[3]), int(argv[4]), int(argv[5]), argv[6])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
