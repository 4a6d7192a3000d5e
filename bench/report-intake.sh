#!/usr/bin/env bash
# Report intake against the framework's own ceiling, on PostgreSQL, in one run on one server: 32 clients register
# incidents and file their initial written reports over HTTP with a bearer token, then 32 clients read one unit
# (GET /api/v1/units/{id}) with the same kind of token; 15 s of warm-up and 20 s measured for each. Prints both rates
# (a pair counts as two requests; pairs/s too), their ratio against the target of 0.5, p50/p99 of each, and pgbench's
# raw single-row insert rate with as many clients for information. Results also land in
# target/bench/report-intake-postgres.txt.
#   usage: bench/report-intake.sh   (CLIENTS=, SECONDS_MEASURED=, WARM_UP_SECONDS= to vary; JFR=file.jfr to record
#          a flight recording of the whole run; ZHIBAN_TEST_PG_URL= for another database)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
command -v pgbench >/dev/null || { echo "pgbench is needed (Debian: apt-get install -y postgresql)"; exit 1; }
jfr=()
if [ -n "${JFR:-}" ]; then
    jfr=("-DargLine=-XX:StartFlightRecording=filename=$(realpath -m "$JFR"),settings=profile,dumponexit=true")
fi
./mvnw -q -B -Pbench test -Dtest=ReportIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dzhiban.test.database=postgres -Dbench.clients="${CLIENTS:-32}" -Dbench.seconds="${SECONDS_MEASURED:-20}" \
    -Dbench.warmup-seconds="${WARM_UP_SECONDS:-15}" "${jfr[@]}" \
    > target/report-intake-bench.log 2>&1 || { tail -50 target/report-intake-bench.log; exit 1; }
cat target/bench/report-intake-postgres.txt
