#!/bin/sh
# Measures how long the server takes from launch to a 200 on /health, three times, and prints each run
# and the median: wall time, and the CPU time the process used by then (steadier on a busy machine).
# Usage: ops/startup-time.sh [COMMAND...]   (default: ops/helpline, after ./mvnw -q -DskipTests package)
# Runs in a temporary folder with the in-memory store and no Asterisk; the first start there creates the
# admin account (one password hash), later ones find it, as a real restart does.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -gt 0 ] || set -- "$root/ops/helpline"
port=${HELPLINE_HTTP_PORT:-18080}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/config" "$work/"
sed -i "s/^  port: 8080/  port: $port/" "$work/config/helpline.yaml"
ticks=$(getconf CLK_TCK)
cd "$work"
run() {
    start=$(date +%s%N)
    "$@" >"$work/out" 2>&1 &
    pid=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" = 200 ]; do
        kill -0 "$pid" 2>/dev/null || { cat "$work/out"; exit 1; }
        sleep 0.02
    done
    end=$(date +%s%N)
    cpu=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    kill "$pid"; wait "$pid" || true
    echo "$(( (end - start) / 1000000 )) $(( cpu * 1000 / ticks ))"
}
run "$@" >/dev/null   # first start: the admin account, and the class-data archive if the launcher keeps one
for i in 1 2 3; do run "$@"; done >"$work/runs"
awk '{ print "run " NR ": " $1 " ms to a 200 on /health, " $2 " ms of CPU" }' "$work/runs"
echo "median: $(sort -n "$work/runs" | sed -n '2s/ .*//p') ms, $(cut -d' ' -f2 "$work/runs" | sort -n | sed -n 2p) ms of CPU"
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
