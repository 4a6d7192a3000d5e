#!/usr/bin/env bash
# Time from `./mvnw spring-boot:run` (the README's command) to a served login page, on a fresh embedded
# database (demo organisation loaded) and then twice on the existing one.
#   usage: bench/startup-mvnw.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B compile
rm -rf data
for run in 1 2 3; do
    start=$(date +%s%N)
    ./mvnw -q -B spring-boot:run > "target/startup-mvnw-$run.log" 2>&1 &
    until curl -sf http://localhost:8080/login -o /dev/null; do sleep 0.05; done
    served=$(( ($(date +%s%N) - start) / 1000000 ))
    until grep -q 'Started ZhibanApplication' "target/startup-mvnw-$run.log"; do sleep 0.1; done
    sleep 3
    spring=$(grep -o 'Started ZhibanApplication in [0-9.]* seconds' "target/startup-mvnw-$run.log" | grep -o '[0-9.]*' | head -1)
    demo=$(grep -o 'Loaded the demo organisation.*' "target/startup-mvnw-$run.log" || true)
    echo "run $run: login page served ${served} ms after the command (Spring reports ${spring} s)${demo:+; $demo}"
    pkill -f 'spring-boot:run' || true
    pkill -f 'org.zhiban.ZhibanApplication' || true
    while curl -sf http://localhost:8080/login -o /dev/null; do sleep 0.2; done
done
