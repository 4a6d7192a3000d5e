#!/usr/bin/env bash
# Drill: two instances on one PostgreSQL database; while obligations fall due, one instance is killed with SIGKILL.
# The other must fire every overdue transition, and none may fire twice. Prints the tally; see docs/drill.md.
#   usage: bench/drill-kill-instance.sh            (needs the machine's PostgreSQL on 127.0.0.1:5432)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DRILL_DB:-zhiban_drill}
COUNT=${DRILL_COUNT:-600}
SPREAD=${DRILL_SPREAD:-30}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA)
work=$(mktemp -d)

jar=$(ls target/zhiban-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
    ./mvnw -q -B package -DskipTests
    jar=$(ls target/zhiban-*.jar | grep -v original | head -1)
fi

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export ZHIBAN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" ZHIBAN_DB_USER=postgres ZHIBAN_DB_PASSWORD=

start() { # name port
    java -jar "$jar" --server.port="$2" --zhiban.instance-name="$1" --zhiban.demo.enabled=true \
        > "$work/$1.log" 2>&1 &
    echo $!
}
await_up() { # port pid
    until curl -sf "http://localhost:$1/actuator/health" | grep -q UP; do
        kill -0 "$2" 2>/dev/null || { echo "instance on port $1 died"; exit 1; }
        sleep 0.5
    done
}
a=$(start drill-a 18181); await_up 18181 "$a"
b=$(start drill-b 18182); await_up 18182 "$b"
trap 'kill -9 $a $b 2>/dev/null || true; rm -rf "$work"' EXIT
echo "two instances up: drill-a (pid $a) and drill-b (pid $b)"

token() { # port user
    curl -sf -X POST "http://localhost:$1/api/v1/auth/tokens" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$2\",\"password\":\"Zhiban#2026\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
ta=$(token 18181 baoji-head); tb=$(token 18182 baoji-head)
unit=$("${PSQL[@]}" -d "$DB" -c "SELECT id FROM unit WHERE name = '金台区人民政府'")

echo "opening $COUNT obligations due over the next $SPREAD s, alternately through both instances"
first=$(( $(date +%s) + ${DRILL_LEAD:-90} ))
for i in $(seq 0 $((COUNT - 1))); do
    at_ms=$(( first * 1000 + i * SPREAD * 1000 / COUNT ))
    due="$(date -u -d "@$(( at_ms / 1000 ))" +%Y-%m-%dT%H:%M:%S).$(printf %03d $(( at_ms % 1000 )))Z"
    if [ $((i % 2)) -eq 0 ]; then port=18181; t=$ta; else port=18182; t=$tb; fi
    status=$(curl -s -o "$work/last.json" -w '%{http_code}' -X POST "http://localhost:$port/api/v1/obligations" \
        -H "Authorization: Bearer $t" -H 'Content-Type: application/json' \
        -d "{\"unitId\":\"$unit\",\"kind\":\"ASSIGNED_TASK\",\"title\":\"演练事项 $i\",\"dueAt\":\"$due\"}")
    [ "$status" = 201 ] || { echo "opening $i failed: $status $(cat "$work/last.json")"; exit 1; }
done
echo "opened; the first falls due in $(( first - $(date +%s) )) s"

kill_at=$(( first + SPREAD / 3 ))
while [ "$(date +%s)" -lt "$kill_at" ]; do sleep 0.2; done
kill -9 "$a"
echo "$(date -u +%H:%M:%S) SIGKILL sent to drill-a, a third of the way through the deadlines"

until_done=$(( first + SPREAD + 10 ))
while [ "$(date +%s)" -lt "$until_done" ]; do sleep 0.5; done

"${PSQL[@]}" -d "$DB" <<SQL
SELECT 'obligations opened:            ' || COUNT(*) FROM obligation WHERE title LIKE '演练事项%';
SELECT 'overdue transitions fired:     ' || COUNT(*) FROM obligation_firing f JOIN obligation o ON o.id = f.obligation_id
    WHERE o.title LIKE '演练事项%' AND f.step = 'OVERDUE';
SELECT '  by ' || f.instance || ': ' || COUNT(*) || ' (delay p99 ' ||
       ROUND(CAST(percentile_cont(0.99) WITHIN GROUP (ORDER BY f.delay_ms) AS NUMERIC)) || ' ms, max ' || MAX(f.delay_ms) || ' ms)'
    FROM obligation_firing f JOIN obligation o ON o.id = f.obligation_id
    WHERE o.title LIKE '演练事项%' AND f.step = 'OVERDUE' GROUP BY f.instance ORDER BY f.instance;
SELECT 'due but never fired (missed):  ' || COUNT(*) FROM obligation o WHERE o.title LIKE '演练事项%' AND NOT EXISTS
    (SELECT 1 FROM obligation_firing f WHERE f.obligation_id = o.id AND f.step = 'OVERDUE');
SELECT 'fired more than once:          ' || COUNT(*) FROM (SELECT f.obligation_id FROM obligation_firing f
    JOIN obligation o ON o.id = f.obligation_id WHERE o.title LIKE '演练事项%' AND f.step = 'OVERDUE'
    GROUP BY f.obligation_id HAVING COUNT(*) > 1) d;
SQL
