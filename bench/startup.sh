#!/usr/bin/env bash
# Time from `java -jar` to a served login page on the embedded database, and the heap in use afterwards.
# Runs the packaged jar three times: the first start on an empty data directory (loads the demo
# organisation), then two starts on the existing database.
#   usage: bench/startup.sh            (builds the jar if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/zhiban-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
    ./mvnw -q -B package -DskipTests
    jar=$(ls target/zhiban-*.jar | grep -v original | head -1)
fi
work=$(mktemp -d)
port=${PORT:-18080}
echo "jar: $jar   java: $(java -version 2>&1 | head -1)   cores: $(nproc)"
for run in 1 2 3; do
    start=$(date +%s%N)
    (cd "$work" && exec java -jar "$OLDPWD/$jar" --server.port="$port" > "$work/run$run.log" 2>&1) &
    pid=$!
    until curl -sf "http://localhost:$port/login" -o /dev/null; do
        sleep 0.05
        kill -0 "$pid" 2>/dev/null || { cat "$work/run$run.log"; exit 1; }
    done
    served=$(( ($(date +%s%N) - start) / 1000000 ))
    # Wait until the demo loader (first run) has finished before reading the heap.
    until curl -sf "http://localhost:$port/actuator/health" | grep -q UP; do sleep 0.1; done
    sleep 2
    jpid=$(pgrep -f "server.port=$port" | head -1)
    used=$(jcmd "$jpid" GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") print $(i+1)}')
    jcmd "$jpid" GC.run > /dev/null
    after_gc=$(jcmd "$jpid" GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") print $(i+1)}')
    reported=$(grep -o 'Started ZhibanApplication in [0-9.]* seconds' "$work/run$run.log" | grep -o '[0-9.]*' | head -1)
    demo=$(grep -o 'Loaded the demo organisation.*' "$work/run$run.log" || true)
    echo "run $run: login page served after ${served} ms (Spring reports ${reported} s); heap used ${used}, after a full GC ${after_gc}${demo:+; $demo}"
    kill "$pid"; wait "$pid" 2>/dev/null || true
done
rm -rf "$work"
