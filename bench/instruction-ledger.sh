#!/usr/bin/env bash
# Issue 18: the 督办台账 (ledger of leaders' instructions) over a province of about 10,000 units and 50,000 open
# instructions on PostgreSQL, the first page as the province's, a city's and a county's duty officer open it over
# HTTP. Results also land in target/bench/instruction-ledger.txt.
#   usage: bench/instruction-ledger.sh
#   knobs: SCALE=0.1 (fewer units and people), INSTRUCTIONS=50000, SAMPLES=200, DB=bench_instruction
set -euo pipefail
cd "$(dirname "$0")/.."
db="${DB:-bench_instruction}"
mkdir -p target
dropdb -h 127.0.0.1 -U postgres --if-exists "$db"
createdb -h 127.0.0.1 -U postgres "$db"
ZHIBAN_TEST_PG_URL="jdbc:postgresql://127.0.0.1:5432/$db?reWriteBatchedInserts=true" \
./mvnw -q -B -Pbench test -Dtest=InstructionLedgerBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dzhiban.test.database=postgres -Dbench.scale="${SCALE:-1}" -Dbench.instructions="${INSTRUCTIONS:-50000}" \
    -Dbench.samples="${SAMPLES:-200}" > target/instruction-bench.log 2>&1 \
    || { tail -80 target/instruction-bench.log; exit 1; }
cat target/bench/instruction-ledger.txt
