#!/bin/bash
# Runs one command and prints its wall time and the peak of its resident memory split in two: anonymous
# (the JVM's heap and native memory) and file-backed (mostly TDB2's memory-mapped files), sampled from
# /proc/PID/status every 0.2 s; GNU time's %M gives only their sum. The command's output goes to OUT.
# usage: src/custody-kg-bench/src/bench/shell/peak-rss.sh OUT COMMAND...
# e.g.:  src/custody-kg-bench/src/bench/shell/peak-rss.sh /tmp/load.txt java -Xmx1500m -jar APP load --store S FILE
set -euo pipefail
out=$1; shift
start=$(date +%s.%N)
"$@" > "$out" 2>&1 &
pid=$!
anon=0; file=0; total=0
while kill -0 "$pid" 2>/dev/null; do
    if read -r a f < <(awk '/^RssAnon/ {a = $2} /^RssFile/ {f = $2} END {print a + 0, f + 0}' "/proc/$pid/status" 2>/dev/null); then
        ((a > anon)) && anon=$a
        ((f > file)) && file=$f
        ((a + f > total)) && total=$((a + f))
    fi
    sleep 0.2
done
status=0
wait "$pid" || status=$?
end=$(date +%s.%N)
# kilobytes as /proc and GNU time give them; GB as the tables of BENCHMARKS.md give them (10^6 KB)
awk -v wall="$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')" -v status="$status" -v t="$total" -v a="$anon" -v f="$file" \
    'BEGIN {printf "%.2f s wall, exit %d; peak RSS %d KB = %.2f GB (anonymous %.2f GB, file-backed %.2f GB)\n", wall, status, t, t / 1e6, a / 1e6, f / 1e6}'
exit "$status"
