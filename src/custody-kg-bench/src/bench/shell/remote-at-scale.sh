#!/bin/bash
# The remote store at scale (run from the repository root, after `mvn -q -B -DskipTests package`): a
# generated file loaded into a TDB2 store with `custody load --infer`, published to a separate Fuseki
# process (TDB2 on disk, loopback), then every named question and one access question asked of the
# embedded store and of Fuseki (RemoteBench), and `custody serve --endpoint` throughput beside Fuseki
# answering the same query itself (HttpLoad). Each line carries the load average at its start.
# usage: src/custody-kg-bench/src/bench/shell/remote-at-scale.sh FILE WORKDIR AUTHORITY SERVICE SERVICE_IRI
set -euo pipefail
file=$1; work=$2; authority=$3; service=$4; service_iri=$5
app=src/custody-kg-cli/target/custody-kg-cli-0.1.0-app.jar
fuseki=src/custody-kg-cli/target/fuseki/fuseki-server.jar
port=${CUSTODY_BENCH_PORT:-3397}
endpoint=http://127.0.0.1:$port/custody/sparql
load() { awk '{print $1}' /proc/loadavg; }
timed() { # LABEL COMMAND...: wall, CPU and peak RSS of one command
  local label=$1; shift
  local before; before=$(load)
  /usr/bin/time -o "$work/time.txt" -f "%e s wall, %U+%S s CPU, %M KB peak RSS" "$@" > "$work/out.txt" 2>&1
  echo "$label: $(cat "$work/time.txt") (load average $before)"
}
mkdir -p "$work"; rm -rf "$work/fuseki-db"; mkdir "$work/fuseki-db"
# copies, so that a rebuild while the bench runs (the launcher rebuilds on any change) cannot pull the jars away
cp $app "$work/app.jar"; cp $fuseki "$work/fuseki-server.jar"; app=$work/app.jar; fuseki=$work/fuseki-server.jar
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u '+%F %H:%M UTC'), commit $(git rev-parse --short HEAD)"
if [ ! -d "$work/store" ]; then  # a store loaded by an earlier run of this script is reused
  timed "custody load --infer" java -Xmx6g -jar $app load --store "$work/store" --infer "$file"
  grep -E '^(Loaded|Derived)' "$work/out.txt" || true
fi
java -Xmx6g -jar $fuseki --loc="$work/fuseki-db" --tdb2 --update --localhost --port=$port /custody > "$work/fuseki.log" 2>&1 &
fuseki_pid=$!
trap 'kill $fuseki_pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/\$/ping" > /dev/null; do
  kill -0 $fuseki_pid 2>/dev/null || { echo "Fuseki did not start:"; cat "$work/fuseki.log"; exit 1; }
  sleep 1
done
timed "custody publish --store to Fuseki" java -Xmx6g -jar $app publish --store "$work/store" --endpoint "$endpoint"
tail -1 "$work/out.txt"
echo "RemoteBench (load average $(load)):"
java -Xmx6g -cp $app org.custodykg.bench.RemoteBench --store "$work/store" --generated --access "$authority|$service" "$endpoint"
echo "HttpLoad (load average $(load)):"
java -Xmx2g -cp $app org.custodykg.bench.HttpLoad 10 16 2 --endpoint "$endpoint" "$service_iri"
