#!/bin/bash
# The remote store at scale (run from the repository root, after `mvn -q -B -DskipTests package`): a
# generated file loaded into a TDB2 store with `custody load --infer`, published to a separate Fuseki
# process (TDB2 on disk, loopback), then every named question and one access question asked of the
# embedded store and of Fuseki (RemoteBench), and `custody serve --endpoint` throughput beside Fuseki
# answering the same query itself (HttpLoad). With VIRTUOSO=1, the same data is also published to a
# private Debian Virtuoso instance (loopback ports, its own files) and asked in the same RemoteBench run.
# Each line carries the load average at its start.
# usage: [VIRTUOSO=1] src/custody-kg-bench/src/bench/shell/remote-at-scale.sh FILE WORKDIR AUTHORITY SERVICE SERVICE_IRI
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
# waits until URL answers; if the process PID ends first, prints its log and stops: started NAME URL PID LOG
started() {
  until curl -sf "$2" > /dev/null; do
    kill -0 "$3" 2>/dev/null || { echo "$1 did not start:"; cat "$4"; exit 1; }
    sleep 1
  done
}
java -Xmx6g -jar $fuseki --loc="$work/fuseki-db" --tdb2 --update --localhost --port=$port /custody > "$work/fuseki.log" 2>&1 &
fuseki_pid=$!
trap 'kill $fuseki_pid 2>/dev/null || true' EXIT
started "Fuseki" "http://127.0.0.1:$port/\$/ping" $fuseki_pid "$work/fuseki.log"
timed "custody publish --store to Fuseki" java -Xmx6g -jar $app publish --store "$work/store" --endpoint "$endpoint"
tail -1 "$work/out.txt"
stores=("$endpoint")
if [ "${VIRTUOSO:-}" = 1 ]; then
  v=$work/virtuoso; rm -rf "$v"; mkdir -p "$v"
  sql=${CUSTODY_BENCH_SQL_PORT:-21111}; http=${CUSTODY_BENCH_HTTP_PORT:-28890}
  # Debian's settings with this instance's files, loopback ports and no row cap below the data's size
  awk -v d="$v" -v sql="$sql" -v http="$http" '
    /^\[/ { section = $0 }
    function set(k, val) { if ($0 ~ "^" k "[ \t]*=") { print k " = " val; return 1 } return 0 }
    section == "[Database]" && (set("DatabaseFile", d "/virtuoso.db") || set("ErrorLogFile", d "/virtuoso.log") ||
      set("LockFile", d "/virtuoso.lck") || set("TransactionFile", d "/virtuoso.trx") || set("xa_persistent_file", d "/virtuoso.pxa")) { next }
    section == "[TempDatabase]" && (set("DatabaseFile", d "/virtuoso-temp.db") || set("TransactionFile", d "/virtuoso-temp.trx")) { next }
    section == "[Parameters]" && set("ServerPort", "127.0.0.1:" sql) { next }
    section == "[HTTPServer]" && set("ServerPort", "127.0.0.1:" http) { next }
    section == "[SPARQL]" && set("ResultSetMaxRows", "100000000") { next }
    { print }' /etc/virtuoso-opensource-7/virtuoso.ini > "$v/virtuoso.ini"
  virtuoso-t -f -c "$v/virtuoso.ini" > "$v/console.log" 2>&1 &
  virtuoso_pid=$!
  trap 'kill $fuseki_pid $virtuoso_pid 2>/dev/null || true' EXIT
  started "Virtuoso" "http://127.0.0.1:$http/sparql?query=ASK%7B%7D" $virtuoso_pid "$v/console.log"
  isql-vt "127.0.0.1:$sql" dba dba exec="grant SPARQL_UPDATE to \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);" > "$v/isql.log"
  timed "custody publish --store to Virtuoso" java -Xmx6g -jar $app publish --store "$work/store" \
    --endpoint "http://127.0.0.1:$http/sparql" --graph-store "http://127.0.0.1:$http/sparql-graph-crud"
  tail -1 "$work/out.txt"
  stores+=("http://127.0.0.1:$http/sparql")
fi
echo "RemoteBench (load average $(load)):"
java -Xmx6g -cp $app org.custodykg.bench.RemoteBench --store "$work/store" --generated --access "$authority|$service" "${stores[@]}"
echo "HttpLoad (load average $(load)):"
java -Xmx2g -cp $app org.custodykg.bench.HttpLoad 10 16 2 --endpoint "$endpoint" "$service_iri"
