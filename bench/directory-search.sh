#!/usr/bin/env bash
# Issue 17: the duty directory's search over a province of about 10,000 units and 100,000 people on PostgreSQL, in
# process through DutyDirectory.search, by name, initials, post, whole number and level. Results also land in
# target/bench/directory-search.txt.
#   usage: bench/directory-search.sh        knobs: SCALE=0.1 (fewer units and people), SAMPLES=200, DB=bench_directory
set -euo pipefail
cd "$(dirname "$0")/.."
db="${DB:-bench_directory}"
mkdir -p target
dropdb -h 127.0.0.1 -U postgres --if-exists "$db"
createdb -h 127.0.0.1 -U postgres "$db"
ZHIBAN_TEST_PG_URL="jdbc:postgresql://127.0.0.1:5432/$db?reWriteBatchedInserts=true" \
./mvnw -q -B -Pbench test -Dtest=DirectorySearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dzhiban.test.database=postgres -Dbench.scale="${SCALE:-1}" -Dbench.samples="${SAMPLES:-200}" \
    > target/directory-bench.log 2>&1 || { tail -80 target/directory-bench.log; exit 1; }
cat target/bench/directory-search.txt
