#!/usr/bin/env bash
# The obligation clock on PostgreSQL with 1,000,000 open obligations: delay from due time to the overdue
# transition (p50, p99, max) for 30,000 obligations due over a minute and for 10,000 due in one second, duplicates
# and misses, and opens and fulfils per second. Results also land in target/bench/obligation-clock.txt.
#   usage: bench/obligation-clock.sh   (BACKGROUND=100000 COHORT=5000 for a quicker run)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbench test -Dtest=ObligationClockBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dzhiban.test.database=postgres -Dbench.background="${BACKGROUND:-1000000}" -Dbench.cohort="${COHORT:-30000}" \
    > target/obligation-clock-bench.log 2>&1 || { tail -50 target/obligation-clock-bench.log; exit 1; }
cat target/bench/obligation-clock.txt
