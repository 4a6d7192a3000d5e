#!/usr/bin/env bash
# In-process latency of effective-policy resolution (a unit 4 levels deep) and of working-day counting
# (N = 250), on the embedded H2 and on PostgreSQL. Results also land in target/bench/calendar-policy-*.txt.
#   usage: bench/calendar-policy.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbench test -Dtest=CalendarPolicyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dzhiban.test.database=h2 > /dev/null
cat target/bench/calendar-policy-h2.txt
./mvnw -q -B -Pbench test -Dtest=CalendarPolicyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dzhiban.test.database=postgres > /dev/null
cat target/bench/calendar-policy-postgres.txt
