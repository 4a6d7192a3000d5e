#!/usr/bin/env bash
# Automatic rostering and on-duty at scale on PostgreSQL: a 30-person duty office solved month by month (time to a
# complete roster, spread of shifts per person), a county of 300 units × 10 people solved at once, and on-duty for
# all 1,500 units below a superior over HTTP (p95). Results also land in target/bench/roster-postgres.txt.
#   usage: bench/roster.sh   (DATABASE=h2 for the embedded database; COUNTIES=1 for a quicker run)
set -euo pipefail
cd "$(dirname "$0")/.."
db="${DATABASE:-postgres}"
./mvnw -q -B -Pbench test -Dtest=RosterBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dzhiban.test.database="$db" -Dbench.counties="${COUNTIES:-5}" \
    > target/roster-bench.log 2>&1 || { tail -50 target/roster-bench.log; exit 1; }
cat "target/bench/roster-$db.txt"
