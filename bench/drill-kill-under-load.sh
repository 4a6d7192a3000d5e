#!/usr/bin/env bash
# Drill: nothing acknowledged is lost under load. 32 clients register incidents, file their initial reports and write
# duty-log entries through the packaged application on PostgreSQL; one instance is killed with SIGKILL in the middle
# of it and restarted (a second instance, by default, carries on beside it). Then, from the database: every write
# answered 2xx is there with its content, the log numbers of every unit and year run 1..n without a gap or a
# duplicate, and every deadline opened fired its overdue transition once or was met in time. Prints the tally and
# exits non-zero on any loss; see docs/drill.md.
#   usage: bench/drill-kill-under-load.sh     (needs the machine's PostgreSQL on 127.0.0.1:5432)
#   DRILL_INSTANCES=1 for one instance only (nothing runs while it is down); DRILL_NO_BUILD=1 to reuse the last build
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DRILL_DB:-zhiban_drill_load}
INSTANCES=${DRILL_INSTANCES:-2}
CLIENTS=${DRILL_CLIENTS:-32}
UNITS_PER_TREE=${DRILL_UNITS_PER_TREE:-4}
KILL_AT=${DRILL_KILL_AT:-60}   # seconds of writing before the kill
DOWN=${DRILL_DOWN:-10}         # seconds from the kill to launching the restart
AFTER=${DRILL_AFTER:-60}       # seconds of writing after the killed instance is healthy again
QUIET=${DRILL_QUIET:-15}       # seconds after the last deadline before counting
PHONE=${DRILL_PHONE:-PT1M}     # the drill units' report deadlines for levels I/II by phone and in writing, and III
WRITTEN=${DRILL_WRITTEN:-PT2M}
LARGE=${DRILL_LARGE:-PT90S}
PORT_A=${DRILL_PORT_A:-18281}
PORT_B=${DRILL_PORT_B:-18282}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA)
now_ms() { date +%s%3N; }

if [ -z "${DRILL_NO_BUILD:-}" ]; then
    ./mvnw -q -B -o package -DskipTests
fi
jar=$(ls target/zhiban-*.jar | grep -v original | head -1)
[ -f target/test-classes/org/zhiban/bench/KillDrillLoad.class ] || { echo "no drill clients in target/test-classes"; exit 1; }
run="target/drill-kill-under-load/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$run/lib"
# The clients are programs on the test classpath; the JSON library they need is the one the product ships with.
unzip -q -o -j "$jar" 'BOOT-INF/lib/jackson-*' -d "$run/lib"
clients_cp="target/test-classes:$run/lib/*"
echo "drill in $run: $INSTANCES instance(s), $CLIENTS clients, kill after ${KILL_AT}s of writing, restart ${DOWN}s" \
    "later, writing until ${AFTER}s after it is back"
echo "machine: $(nproc) cores; $(uptime)"

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export ZHIBAN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" ZHIBAN_DB_USER=postgres ZHIBAN_DB_PASSWORD=

start() { # name port
    java -jar "$jar" --server.port="$2" --zhiban.instance-name="$1" --zhiban.demo.enabled=true \
        >> "$run/$1.log" 2>&1 &
    echo $!
}
await_up() { # port pid
    until curl -sf "http://localhost:$1/actuator/health" | grep -q UP; do
        kill -0 "$2" 2>/dev/null || { echo "instance on port $1 died"; exit 1; }
        sleep 0.2
    done
}
a=$(start drill-a "$PORT_A"); b=; load=
trap 'kill -9 $a $b $load 2>/dev/null || true' EXIT
await_up "$PORT_A" "$a"
echo "drill-a up (pid $a) with the demo organisation; the drill units and their officers on duty:"
java -cp "$clients_cp" -Ddrill.phone="$PHONE" -Ddrill.written="$WRITTEN" -Ddrill.large="$LARGE" \
    org.zhiban.bench.KillDrillSetup "http://localhost:$PORT_A" "$run" "$UNITS_PER_TREE"
urls="http://localhost:$PORT_A"
if [ "$INSTANCES" = 2 ]; then
    b=$(start drill-b "$PORT_B"); await_up "$PORT_B" "$b"
    urls="$urls http://localhost:$PORT_B"
    echo "drill-b up (pid $b) beside it"
fi

mark() { echo -e "$1\t$2" >> "$run/marks.tsv"; }
load_start=$(now_ms); mark load_start "$load_start"
# shellcheck disable=SC2086 # one argument per instance
java -cp "$clients_cp" org.zhiban.bench.KillDrillLoad "$run" "$CLIENTS" $urls > "$run/clients.txt" 2>&1 &
load=$!

until [ "$(now_ms)" -ge $(( load_start + KILL_AT * 1000 )) ]; do sleep 0.1; done
kill -9 "$a"; killed=$(now_ms); mark kill "$killed"
while kill -0 "$a" 2>/dev/null; do sleep 0.05; done
echo "$(date -u +%H:%M:%S) SIGKILL sent to drill-a, ${KILL_AT}s into the writing"
sleep "$DOWN"
a=$(start drill-a-restarted "$PORT_A"); mark restart "$(now_ms)"
await_up "$PORT_A" "$a"; back=$(now_ms); mark back "$back"
echo "$(date -u +%H:%M:%S) drill-a back (pid $a), $(( (back - killed) / 1000 ))s after the kill"
sleep "$AFTER"; touch "$run/stop"
wait "$load"; load=; mark load_end "$(now_ms)"
echo "clients done:"; cat "$run/clients.txt"

# Quiet: every deadline opened falls due, and the clock has a moment to fire the last ones.
last_due=$("${PSQL[@]}" -d "$DB" -c "SELECT COALESCE(CEIL(EXTRACT(EPOCH FROM MAX(due_at))), 0) FROM obligation
    WHERE subject_module = 'reporting'")
until [ "$(date +%s)" -ge $(( ${last_due%.*} + QUIET )) ]; do sleep 1; done
mark check "$(now_ms)"

# The hash chain of every drill unit's log book, checked by the application itself.
admin=$(cat "$run/admin.token")
year=$(TZ=Asia/Shanghai date +%Y)
cut -f1 "$run/plan.tsv" | while read -r unit; do
    intact=$(curl -sf "http://localhost:$PORT_A/api/v1/duty-log/chain-check?unitId=$unit&year=$year" \
        -H "Authorization: Bearer $admin" | grep -o '"intact":[a-z]*' | cut -d: -f2)
    echo -e "$unit\t$year\t${intact:-unknown}"
done > "$run/chains.tsv"

cat "$run"/attempts-*.tsv > "$run/attempts.tsv"
"${PSQL[@]}" -d "$DB" <<SQL
CREATE SCHEMA drill;
CREATE TABLE drill.attempt (client INT, op TEXT, tag TEXT, instance TEXT, sent_ms BIGINT, answered_ms BIGINT,
    outcome TEXT, status INT, entity_id UUID, parent_id UUID, log_number TEXT, detail TEXT, content TEXT, error TEXT);
CREATE TABLE drill.policy (unit_id UUID, rule_key TEXT, millis BIGINT);
CREATE TABLE drill.mark (name TEXT PRIMARY KEY, at_ms BIGINT);
CREATE TABLE drill.chain (unit_id UUID, log_year INT, intact TEXT);
\copy drill.attempt FROM '$run/attempts.tsv'
\copy drill.policy FROM '$run/policy.tsv'
\copy drill.mark FROM '$run/marks.tsv'
\copy drill.chain FROM '$run/chains.tsv'
ANALYZE drill.attempt;
ANALYZE;
SQL
echo "machine at the end: $(uptime)"
psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -P footer=off -d "$DB" -f bench/drill-kill-under-load.sql \
    | tee "$run/tally.txt"
failures=$("${PSQL[@]}" -d "$DB" -c "SELECT SUM(value) FROM drill.result WHERE must_be_zero")
echo "evidence kept in $run and the database $DB"
[ "$failures" = 0 ] || { echo "DRILL FAILED: $failures acknowledged writes lost, numbers broken or deadlines missed"; exit 1; }
echo "drill passed: nothing acknowledged lost, no numbering gap, every deadline fired once or met in time"
