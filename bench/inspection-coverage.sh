#!/usr/bin/env bash
# Issue 19: the year's inspection coverage over a province of about 10,000 units, 100,000 phone spot checks, 5,000
# site visits and a roll call a month per government on PostgreSQL, asked for by the province's, a city's and a
# county's duty officer over HTTP, and the inspections page. Results also land in target/bench/inspection-coverage.txt.
#   usage: bench/inspection-coverage.sh
#   knobs: SCALE=0.1 (fewer units and people), CHECKS=100000, VISITS=5000, SAMPLES=200, DB=bench_inspection
set -euo pipefail
cd "$(dirname "$0")/.."
db="${DB:-bench_inspection}"
mkdir -p target
dropdb -h 127.0.0.1 -U postgres --if-exists "$db"
createdb -h 127.0.0.1 -U postgres "$db"
ZHIBAN_TEST_PG_URL="jdbc:postgresql://127.0.0.1:5432/$db?reWriteBatchedInserts=true" \
./mvnw -q -B -Pbench test -Dtest=InspectionCoverageBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dzhiban.test.database=postgres -Dbench.scale="${SCALE:-1}" -Dbench.checks="${CHECKS:-100000}" \
    -Dbench.visits="${VISITS:-5000}" -Dbench.samples="${SAMPLES:-200}" > target/inspection-bench.log 2>&1 \
    || { tail -80 target/inspection-bench.log; exit 1; }
cat target/bench/inspection-coverage.txt
