#!/bin/bash
# Access paths and loading at scale, one figure at a time (run from the repository root, after
# `mvn -q -B -DskipTests package`): generate N triples, then the plain validated `custody load`, Jena's
# `tdb2.tdbloader` (its default loader, and into the same named graph) on the same file, `custody load --infer`,
# `custody access` for one pair in fresh processes (plain `java -jar`, then through `./custody`), AccessBench
# (first / cached / new-date questions in one process), and `serve --store` ready time. Each line carries the load average at its start.
# `custody load` runs through ./custody with CUSTODY_JAVA_OPTS=-Xmx4g (the same heap as the tdbloader runs).
# usage: src/custody-kg-bench/src/bench/shell/access-at-scale.sh TRIPLES WORKDIR AUTHORITY SERVICE
set -euo pipefail
n=$1; work=$2; authority=$3; service=$4
app=src/custody-kg-cli/target/custody-kg-cli-0.1.0-app.jar
cmds=$(find ~/.m2/repository/org/apache/jena/jena-cmds/5.6.0 -name 'jena-cmds-5.6.0.jar')
mkdir -p "$work"; rm -rf "$work"/s-* "$work"/tdbloader-*
file=$work/gen-$n.nt
load() { awk '{print $1}' /proc/loadavg; }
timed() { # LABEL COMMAND...: wall, CPU and peak RSS of one command
  local label=$1; shift
  local before; before=$(load)
  local status=0
  /usr/bin/time -o "$work/time.txt" -f "%e s wall, %U+%S s CPU, %M KB peak RSS" "$@" > "$work/out.txt" 2>&1 || status=$?
  # a failed command is a figure too (its last lines say why); the runs after it still run
  echo "$label: $(grep -v '^Command exited' "$work/time.txt") (load average $before)$( ((status)) && echo ", FAILED with exit $status")"
  ((status)) && tail -3 "$work/out.txt"
  return 0
}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u '+%F %H:%M UTC'), commit $(git rev-parse --short HEAD)"
[ -f "$file" ] || java -jar $app generate --triples "$n" --seed 1 --out "$file"
grep -E '^Wrote' "$work/out.txt" 2>/dev/null || true
# custody load through the launcher, as users run it (its collector for load), with the loaders' heap
./custody --version > /dev/null # builds the jar if the sources changed, untimed
export CUSTODY_JAVA_OPTS=-Xmx4g
timed "custody load (validated)" ./custody load --store "$work/s-plain" "$file"
timed "tdb2.tdbloader (default loader, default graph)" java -Xmx4g -cp "$cmds:$app" tdb2.tdbloader --loc "$work/tdbloader-default" "$file"
timed "tdb2.tdbloader (default loader, --graph as custody load)" java -Xmx4g -cp "$cmds:$app" tdb2.tdbloader --loc "$work/tdbloader-graph" --graph "https://w3id.org/custody-kg/graph/source/gen-$n" "$file"
timed "custody load --infer (validated)" ./custody load --store "$work/s-inf" --infer "$file"
grep -E '^(Loaded|Derived)' "$work/out.txt"
timed "JVM start and exit (custody --version)" java -jar $app --version
for run in 1 2 3; do
  timed "custody access, fresh process (plain java -jar), run $run" java -jar $app access --store "$work/s-inf" --authority "$authority" --service "$service" --assumptions
done
tail -1 "$work/out.txt"
# the launcher's way (C1 only, serial collector, class-data archive); its archive is written once first, untimed
./custody --version > /dev/null
for run in 1 2 3; do
  timed "./custody access, fresh process, run $run" ./custody access --store "$work/s-inf" --authority "$authority" --service "$service" --assumptions
done
tail -1 "$work/out.txt"
echo "AccessBench (load average $(load)):"
java -Xmx4g -cp $app org.custodykg.bench.AccessBench "$work/s-inf" "$authority" "$service" 50
echo "serve --store (load average $(load)):"
src/custody-kg-bench/src/bench/shell/serve-start.sh marked --store "$work/s-inf" || true  # it stops the server it started
