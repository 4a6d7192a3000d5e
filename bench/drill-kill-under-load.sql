-- The tally of bench/drill-kill-under-load.sh, from the drill's database after the quiet period. drill.attempt holds
-- every attempt the clients made and every answer they got (outcome ack = answered 2xx); drill.mark the drill's
-- moments (epoch ms); drill.policy the deadlines in effect for each drill unit; drill.chain the application's own
-- hash-chain check of each drill unit's log book. Each check is a row of drill.result; must_be_zero rows fail the drill.

CREATE FUNCTION drill.at(moment TEXT) RETURNS BIGINT LANGUAGE SQL STABLE AS
    $$ SELECT at_ms FROM drill.mark WHERE name = moment $$;
CREATE FUNCTION drill.instant(ms BIGINT) RETURNS TIMESTAMP WITH TIME ZONE LANGUAGE SQL IMMUTABLE AS
    $$ SELECT to_timestamp(ms / 1000.0) $$;

-- The phases of the run, by the time a request was sent: the last one runs to the end of the writing.
CREATE VIEW drill.phase AS
    SELECT * FROM (VALUES
        (1, 'before kill', drill.at('load_start'), drill.at('kill')),
        (2, 'down', drill.at('kill'), drill.at('back')),
        (3, 'after restart', drill.at('back'), drill.at('load_end'))) AS p (n, name, from_ms, to_ms);

-- The writes: incidents, reports and log entries (a deadline row is what an acknowledged incident said it opened).
CREATE VIEW drill.write AS SELECT * FROM drill.attempt WHERE op <> 'deadline';

\echo
\echo 'Writes per phase and instance (ack = answered 2xx; refused = connection refused, sent again; unknown = sent,'
\echo 'no answer; 4xx/5xx = answered with an error). Latency of the acknowledged writes in ms.'
SELECT p.name AS phase, w.instance, ROUND((p.to_ms - p.from_ms) / 1000.0, 1) AS seconds,
       COUNT(*) FILTER (WHERE w.outcome = 'ack') AS ack,
       ROUND(COUNT(*) FILTER (WHERE w.outcome = 'ack') * 1000.0 / NULLIF(p.to_ms - p.from_ms, 0), 1) AS "ack/s",
       COUNT(*) FILTER (WHERE w.outcome = 'refused') AS refused,
       COUNT(*) FILTER (WHERE w.outcome = 'unknown') AS unknown,
       COUNT(*) FILTER (WHERE w.outcome = 'rejected') AS "4xx",
       COUNT(*) FILTER (WHERE w.outcome = 'failed') AS "5xx",
       PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY w.answered_ms - w.sent_ms) FILTER (WHERE w.outcome = 'ack') AS p50,
       PERCENTILE_DISC(0.99) WITHIN GROUP (ORDER BY w.answered_ms - w.sent_ms) FILTER (WHERE w.outcome = 'ack') AS p99
FROM drill.phase p
JOIN drill.write w ON w.sent_ms >= p.from_ms AND (w.sent_ms < p.to_ms OR p.n = 3)
GROUP BY p.n, p.name, p.from_ms, p.to_ms, w.instance
ORDER BY p.n, w.instance;

\echo 'Answers other than 2xx, by kind'
SELECT op, outcome, status, COALESCE(error, '') AS error, COUNT(*) FROM drill.write WHERE outcome <> 'ack'
GROUP BY op, outcome, status, error ORDER BY op, outcome, status, error;

\echo 'The instance killed'
SELECT ROUND((drill.at('back') - drill.at('kill')) / 1000.0, 1) AS "down (s)",
       ROUND((drill.at('back') - drill.at('restart')) / 1000.0, 1) AS "restart to healthy (s)",
       ROUND(((SELECT MIN(answered_ms) FROM drill.write WHERE instance = 'a' AND outcome = 'ack'
                AND sent_ms > drill.at('kill')) - drill.at('kill')) / 1000.0, 1) AS "kill to its first 2xx (s)";

-- The checks print nothing as they go; their table follows.
\o /dev/null
CREATE TABLE drill.result (n SERIAL, label TEXT, value BIGINT, must_be_zero BOOLEAN);
CREATE FUNCTION drill.count(label TEXT, must_be_zero BOOLEAN, query TEXT) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE counted BIGINT;
BEGIN
    EXECUTE 'SELECT COUNT(*) FROM (' || query || ') q' INTO counted;
    INSERT INTO drill.result (label, value, must_be_zero) VALUES (label, counted, must_be_zero);
END $$;

-- Acknowledged writes: there, by id, with the content sent.
SELECT drill.count('incidents acknowledged', false, $$SELECT 1 FROM drill.write WHERE op = 'incident' AND outcome = 'ack'$$);
SELECT drill.count('  missing or not as sent', true, $$
    SELECT 1 FROM drill.write a LEFT JOIN incident i ON i.id = a.entity_id
    WHERE a.op = 'incident' AND a.outcome = 'ack' AND (i.id IS NULL OR i.title <> a.content OR i.severity <> a.detail)$$);
SELECT drill.count('reports acknowledged', false, $$SELECT 1 FROM drill.write WHERE op = 'report' AND outcome = 'ack'$$);
SELECT drill.count('  missing or not as sent', true, $$
    SELECT 1 FROM drill.write a LEFT JOIN incident_report r ON r.id = a.entity_id
    WHERE a.op = 'report' AND a.outcome = 'ack'
      AND (r.id IS NULL OR r.incident_id <> a.parent_id OR r.content <> a.content OR r.channel <> a.detail)$$);
SELECT drill.count('log entries acknowledged', false, $$SELECT 1 FROM drill.write WHERE op = 'log' AND outcome = 'ack'$$);
SELECT drill.count('  missing, not as sent or under another number', true, $$
    SELECT 1 FROM drill.write a LEFT JOIN duty_log_entry e ON e.entry_id = a.entity_id AND e.entry_version = 1
    WHERE a.op = 'log' AND a.outcome = 'ack'
      AND (e.id IS NULL OR e.summary <> a.content OR e.kind <> a.detail
           OR e.log_year || '-' || LPAD(e.entry_number::TEXT, 6, '0') <> a.log_number)$$);
SELECT drill.count('deadlines acknowledged (opened by an acknowledged incident)', false,
    $$SELECT 1 FROM drill.attempt WHERE op = 'deadline'$$);
SELECT drill.count('  missing or not as answered', true, $$
    SELECT 1 FROM drill.attempt a LEFT JOIN obligation o ON o.id = a.entity_id
    WHERE a.op = 'deadline' AND (o.id IS NULL OR o.subject_id <> 'incident:' || a.parent_id OR o.kind <> a.detail)$$);

-- Writes without a 2xx: whether they were committed anyway is the client's uncertainty, not a loss.
CREATE VIEW drill.landed AS
    SELECT a.*, CASE a.op
        WHEN 'incident' THEN EXISTS (SELECT 1 FROM incident i WHERE i.title = a.content)
        WHEN 'report' THEN EXISTS (SELECT 1 FROM incident_report r WHERE r.content = a.content)
        ELSE EXISTS (SELECT 1 FROM duty_log_entry e WHERE e.summary = a.content) END AS committed
    FROM drill.write a WHERE a.outcome IN ('unknown', 'failed');
SELECT drill.count('writes sent without an answer (outcome unknown to the client)', false,
    $$SELECT 1 FROM drill.landed WHERE outcome = 'unknown'$$);
SELECT drill.count('  of which committed', false, $$SELECT 1 FROM drill.landed WHERE outcome = 'unknown' AND committed$$);
SELECT drill.count('writes answered 5xx', false, $$SELECT 1 FROM drill.landed WHERE outcome = 'failed'$$);
SELECT drill.count('  of which committed all the same', true, $$SELECT 1 FROM drill.landed WHERE outcome = 'failed' AND committed$$);
SELECT drill.count('writes committed twice', true, $$
    SELECT title FROM incident GROUP BY title HAVING COUNT(*) > 1
    UNION ALL SELECT content FROM incident_report GROUP BY content HAVING COUNT(*) > 1
    UNION ALL SELECT summary FROM duty_log_entry WHERE entry_version = 1 GROUP BY summary HAVING COUNT(*) > 1$$);

-- The log books: per unit and year, numbers 1..n, each once; the counter at n; the hash chain intact.
CREATE VIEW drill.book AS
    SELECT unit_id, log_year, COUNT(*) AS entries, COUNT(DISTINCT entry_number) AS numbers,
           MIN(entry_number) AS lowest, MAX(entry_number) AS highest
    FROM duty_log_entry WHERE entry_version = 1 GROUP BY unit_id, log_year;
SELECT drill.count('log books written (unit and year)', false, $$SELECT 1 FROM drill.book$$);
SELECT drill.count('  numbers missing from 1..n (gaps)', true, $$
    SELECT 1 FROM drill.book b CROSS JOIN LATERAL generate_series(1, b.highest) AS n (number)
    WHERE NOT EXISTS (SELECT 1 FROM duty_log_entry e WHERE e.unit_id = b.unit_id AND e.log_year = b.log_year
                      AND e.entry_number = n.number)$$);
SELECT drill.count('  numbers given twice', true, $$
    SELECT 1 FROM duty_log_entry WHERE entry_version = 1 GROUP BY unit_id, log_year, entry_number HAVING COUNT(*) > 1$$);
SELECT drill.count('  counters not at the last number', true, $$
    SELECT 1 FROM drill.book b LEFT JOIN duty_log_counter c ON c.unit_id = b.unit_id AND c.log_year = b.log_year
    WHERE c.last_number IS DISTINCT FROM b.highest$$);
SELECT drill.count('  drill log books whose hash chain the application finds broken', true,
    $$SELECT 1 FROM drill.chain WHERE intact <> 'true'$$);

-- The deadlines of every incident in the database (acknowledged or not), as the clock left them.
CREATE VIEW drill.deadline AS
    SELECT o.*, i.learned_at,
           (SELECT COUNT(*) FROM obligation_firing f WHERE f.obligation_id = o.id AND f.step = 'OVERDUE') AS overdue_firings,
           o.status = 'FULFILLED' AND o.fulfilled_at <= o.due_at AS met_in_time,
           o.due_at <= drill.instant(drill.at('check')) AS due
    FROM obligation o JOIN incident i ON o.subject_id = 'incident:' || i.id
    WHERE o.subject_module = 'reporting';
SELECT drill.count('deadlines opened', false, $$SELECT 1 FROM drill.deadline$$);
SELECT drill.count('  not as the unit''s effective policy sets them (learned-at + the tightened rule)', true, $$
    SELECT 1 FROM drill.deadline d LEFT JOIN drill.policy p ON p.unit_id = d.obligor_unit_id
        AND p.rule_key = CASE d.kind WHEN 'PHONE_REPORT' THEN 'incident.major.phone-report'
                                     WHEN 'WRITTEN_REPORT' THEN 'incident.major.written-report'
                                     WHEN 'REPORT' THEN 'incident.large.report' END
    WHERE p.millis IS NULL OR d.due_at <> d.learned_at + p.millis * INTERVAL '1 millisecond'$$);
SELECT drill.count('  due by the check', false, $$SELECT 1 FROM drill.deadline WHERE due$$);
SELECT drill.count('    met in time by a report: no overdue transition owed', false,
    $$SELECT 1 FROM drill.deadline WHERE due AND met_in_time$$);
SELECT drill.count('      of which fired overdue all the same', true,
    $$SELECT 1 FROM drill.deadline WHERE due AND met_in_time AND overdue_firings > 0$$);
SELECT drill.count('    not met in time: overdue transition owed', false,
    $$SELECT 1 FROM drill.deadline WHERE due AND NOT met_in_time$$);
SELECT drill.count('      fired once', false,
    $$SELECT 1 FROM drill.deadline WHERE due AND NOT met_in_time AND overdue_firings = 1$$);
SELECT drill.count('      met late by a report before the clock''s pass (lateness recorded, nothing to fire)', false,
    $$SELECT 1 FROM drill.deadline WHERE due AND NOT met_in_time AND overdue_firings = 0 AND status = 'FULFILLED'$$);
SELECT drill.count('      missed: still open and never fired', true,
    $$SELECT 1 FROM drill.deadline WHERE due AND NOT met_in_time AND overdue_firings = 0 AND status <> 'FULFILLED'$$);
SELECT drill.count('      fired more than once', true, $$SELECT 1 FROM drill.deadline WHERE overdue_firings > 1$$);
SELECT drill.count('  marked overdue without a firing, or fired and not marked', true,
    $$SELECT 1 FROM drill.deadline WHERE overdue <> (overdue_firings > 0)$$);
SELECT drill.count('steps of any obligation still waiting 5 s past their time', true, $$
    SELECT 1 FROM obligation WHERE next_fire_at < drill.instant(drill.at('check')) - INTERVAL '5 seconds'$$);
SELECT drill.count('event publications not completed (informational)', false,
    $$SELECT 1 FROM event_publication WHERE completion_date IS NULL$$);

\o
\echo
\echo 'Checks (a starred row must be 0)'
SELECT CASE WHEN must_be_zero THEN '*' ELSE ' ' END || ' ' || RPAD(label, 96) || LPAD(value::TEXT, 8) AS " "
FROM drill.result ORDER BY n;

\echo 'Overdue transitions fired, by instance (fired late = more than a minute after the due time)'
SELECT f.instance, COUNT(*) AS fired, COUNT(*) FILTER (WHERE f.fired_late) AS "fired late",
       PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY f.delay_ms) AS "delay p50 ms",
       PERCENTILE_DISC(0.99) WITHIN GROUP (ORDER BY f.delay_ms) AS "delay p99 ms", MAX(f.delay_ms) AS "max ms"
FROM obligation_firing f JOIN drill.deadline d ON d.id = f.obligation_id
WHERE f.step = 'OVERDUE' GROUP BY f.instance ORDER BY MIN(f.fired_at);

\echo 'Deadlines by when they fell due'
SELECT CASE WHEN d.due_at < drill.instant(drill.at('kill')) THEN '1 before kill'
            WHEN d.due_at < drill.instant(drill.at('back')) THEN '2 while down'
            ELSE '3 after restart' END AS "fell due", d.kind,
       COUNT(*) AS deadlines, COUNT(*) FILTER (WHERE d.met_in_time) AS "met in time",
       COUNT(*) FILTER (WHERE d.overdue_firings = 1) AS "fired once",
       COUNT(*) FILTER (WHERE NOT d.met_in_time AND d.overdue_firings = 0) AS "not fired"
FROM drill.deadline d WHERE d.due GROUP BY 1, 2 ORDER BY 1, 2;
