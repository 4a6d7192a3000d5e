#!/usr/bin/env bash
# Report intake on PostgreSQL: 64 concurrent clients register incidents and file their initial written reports over
# HTTP, 7,000 measured after 2,500 for warm-up (about 40 s and 15 s here), and pgbench inserts single rows with 64
# clients into the same database for 20 s in the same run. Prints both rates, their ratio, and p50/p99 per request; results also land in
# target/bench/report-intake-postgres.txt.
#   usage: bench/report-intake.sh   (CLIENTS=, PAIRS= to vary)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
command -v pgbench >/dev/null || { echo "pgbench is needed (Debian: apt-get install -y postgresql)"; exit 1; }
./mvnw -q -B -Pbench test -Dtest=ReportIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dzhiban.test.database=postgres -Dbench.clients="${CLIENTS:-64}" -Dbench.pairs="${PAIRS:-7000}" \
    > target/report-intake-bench.log 2>&1 || { tail -50 target/report-intake-bench.log; exit 1; }
cat target/bench/report-intake-postgres.txt
