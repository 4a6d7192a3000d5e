#!/usr/bin/env bash
# What sealing one record costs: a duty-log row's chain hash with SHA-256 (before ADR 0023) and with HMAC-SM3, in
# process. Results also land in target/bench/chain-hash.txt.
#   usage: bench/chain-hash.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbench test -Dtest=ChainHashBenchmark -Dsurefire.failIfNoSpecifiedTests=false > /dev/null
cat target/bench/chain-hash.txt
