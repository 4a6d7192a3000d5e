#!/usr/bin/env bash
# Issue 15 at province scale on PostgreSQL: a province of about 10,000 duty offices beside the demo (100,000 people,
# a published month of rosters, 10^6 duty-log entries, 50,000 incidents with their reports, 10^6 closed and 10^5 open
# obligations), then every budget measured warm over HTTP (pages as a logged-in session, APIs with a token), the heap
# after a full GC with the size of each cache, and the holiday deadline burst (every office files its daily report
# before X区's 16:00 deadline while the province's inbox listens live). Prints load times and each budget MET or NOT
# MET; results also land in target/bench/province-postgres.txt.
#   usage: bench/province.sh
#   knobs: SCALE=0.05        shrink the data set (departments, towns, people, entries, incidents, obligations)
#          CLOCK=2026-10-03T10:00:00+08:00   the test clock; must be an official holiday (the burst needs one)
#          RATE=100          filings per second in the burst;  FILING_THREADS=32  client threads filing
#          WARMUP=10 SAMPLES=50   requests before and while measuring each budget
#          DB=bench_province the database, dropped and created afresh on each run
set -euo pipefail
cd "$(dirname "$0")/.."
db="${DB:-bench_province}"
mkdir -p target
dropdb -h 127.0.0.1 -U postgres --if-exists "$db"
createdb -h 127.0.0.1 -U postgres "$db"
ZHIBAN_TEST_PG_URL="jdbc:postgresql://127.0.0.1:5432/$db?reWriteBatchedInserts=true" \
./mvnw -q -B -Pbench test -Dtest=ProvinceBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dzhiban.test.database=postgres -Dzhiban.test.clock="${CLOCK:-2026-10-03T10:00:00+08:00}" \
    -Dbench.scale="${SCALE:-1}" -Dbench.rate="${RATE:-100}" -Dbench.filing-threads="${FILING_THREADS:-32}" \
    -Dbench.warmup="${WARMUP:-10}" -Dbench.samples="${SAMPLES:-50}" \
    > target/province-bench.log 2>&1 || { tail -80 target/province-bench.log; exit 1; }
cat target/bench/province-postgres.txt
