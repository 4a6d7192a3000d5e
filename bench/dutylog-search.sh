#!/usr/bin/env bash
# Searching the duty log at scale on PostgreSQL: 1,000,000 entries in 200 duty offices of one county, searched by
# one office and by the county across all of them (Chinese substrings; with kind, date range, caller). Prints p50,
# p95 and p99 per kind of search; results also land in target/bench/dutylog-search-postgres.txt.
#   usage: bench/dutylog-search.sh   (ENTRIES=100000 for a quicker run; DATABASE=h2 for the embedded database)
set -euo pipefail
cd "$(dirname "$0")/.."
db="${DATABASE:-postgres}"
mkdir -p target
ZHIBAN_TEST_PG_URL="${ZHIBAN_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true}" \
./mvnw -q -B -Pbench test -Dtest=DutyLogSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dzhiban.test.database="$db" -Dbench.entries="${ENTRIES:-1000000}" \
    > target/dutylog-search-bench.log 2>&1 || { tail -50 target/dutylog-search-bench.log; exit 1; }
cat "target/bench/dutylog-search-$db.txt"
