#!/usr/bin/env bash
# What SM3 and SM4 cost report intake (issue 16): the report-intake benchmark (bench/report-intake.sh) in one run,
# twice — as shipped (HMAC-SM3 chains, SM4-sealed numbers) and with the measurement-only setting
# zhiban.benchmark.without-sm-cryptography (plain SHA-256, numbers in clear; refused in production) — in turn, PAIRS
# times, on a clean database each time. Prints each intake rate and p99, and the ratio with / without.
#   usage: bench/national-crypto-overhead.sh   (PAIRS=2, ROUNDS=4, SECONDS_MEASURED=5, WARM_UP_SECONDS=10)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
out=target/bench/national-crypto-overhead.txt
: > "$out"
run() {
    ./mvnw -q -B -o -Pbench test -Dtest=ReportIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
        -Dzhiban.test.database=postgres -Dbench.clients="${CLIENTS:-32}" -Dbench.seconds="${SECONDS_MEASURED:-5}" \
        -Dbench.rounds="${ROUNDS:-4}" -Dbench.warmup-seconds="${WARM_UP_SECONDS:-10}" \
        -Dzhiban.benchmark.without-sm-cryptography="$1" > target/national-crypto-bench.log 2>&1 \
        || { tail -50 target/national-crypto-bench.log; exit 1; }
    grep -E "^intake \(register" target/bench/report-intake-postgres.txt | head -1
}
for i in $(seq 1 "${PAIRS:-2}"); do
    echo "with SM3/SM4:    $(run false)" | tee -a "$out"
    echo "without (plain): $(run true)" | tee -a "$out"
done
python3 - "$out" <<'PY'
import re, sys
rates = {"with": [], "without": []}
for line in open(sys.argv[1]):
    m = re.search(r"intake \(register[^:]*:\s+([\d,.]+) requests/s", line)
    if m:
        rates["with" if line.startswith("with SM") else "without"].append(float(m.group(1).replace(",", "")))
w, wo = sum(rates["with"]) / len(rates["with"]), sum(rates["without"]) / len(rates["without"])
print(f"intake with SM3/SM4 {w:.0f} requests/s, without {wo:.0f} requests/s: ratio {w / wo:.3f} "
      f"(overhead {100 * (1 - w / wo):.1f} %)")
PY
