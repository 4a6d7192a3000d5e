#!/usr/bin/env bash
# Report intake against the framework's own ceiling, on PostgreSQL, in one run on one server: 32 clients register
# incidents and file their initial written reports over HTTP with a bearer token, and 32 clients read one unit
# (GET /api/v1/units/{id}) with the same kind of token; 15 s of warm-up each, then 6 rounds of 5 s read and 5 s intake
# in turn (30 s of each, so that other load on the machine weighs on both alike). Prints both rates (a pair counts as
# two requests; pairs/s too), their ratio against the target of 0.5, p50/p99 of each, CPU and database transactions
# per request, and pgbench's raw single-row insert rate with as many clients for information. Results also land in
# target/bench/report-intake-postgres.txt.
#   usage: bench/report-intake.sh   (CLIENTS=, ROUNDS=, SECONDS_MEASURED= (per round), WARM_UP_SECONDS= to vary;
#          JFR=file.jfr to record a flight recording of the run; ZHIBAN_TEST_PG_URL= for another database)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
command -v pgbench >/dev/null || { echo "pgbench is needed (Debian: apt-get install -y postgresql)"; exit 1; }
jfr=()
if [ -n "${JFR:-}" ]; then
    jfr=("-DargLine=-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename=$(realpath -m "$JFR"),settings=profile,dumponexit=true")
fi
./mvnw -q -B -Pbench test -Dtest=ReportIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dzhiban.test.database=postgres -Dbench.clients="${CLIENTS:-32}" -Dbench.seconds="${SECONDS_MEASURED:-5}" \
    -Dbench.rounds="${ROUNDS:-6}" -Dbench.warmup-seconds="${WARM_UP_SECONDS:-15}" "${jfr[@]}" \
    > target/report-intake-bench.log 2>&1 || { tail -50 target/report-intake-bench.log; exit 1; }
cat target/bench/report-intake-postgres.txt
