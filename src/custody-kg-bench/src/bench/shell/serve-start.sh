#!/bin/bash
# Seconds from launching `custody serve` (the shaded jar, run from the repository root) until /health answers 200.
# usage: src/custody-kg-bench/src/bench/shell/serve-start.sh LABEL SERVE-ARGS...   (for instance: marked --store /tmp/s100k)
label=$1; shift
start=$(date +%s.%N)
java -Xms6g -Xmx6g -jar src/custody-kg-cli/target/custody-kg-cli-0.1.0-app.jar serve --port 3099 "$@" > /tmp/serve-$label.log 2>&1 &
pid=$!
until curl -sf http://127.0.0.1:3099/health > /dev/null 2>&1; do
  sleep 0.2
  kill -0 $pid 2>/dev/null || { echo "$label: server died"; cat /tmp/serve-$label.log | tail -5; exit 1; }
done
end=$(date +%s.%N)
printf '%s: %.1f s to /health\n' "$label" "$(echo "$end - $start" | bc)"
kill $pid; wait $pid 2>/dev/null
