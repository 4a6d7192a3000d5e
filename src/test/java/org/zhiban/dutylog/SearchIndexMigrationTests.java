package org.zhiban.dutylog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A log book written before the search index existed is searchable after the upgrade: the migration indexes the
 * latest version of every entry, as the log book does for new ones.
 */
class SearchIndexMigrationTests {

    @Test
    void entriesWrittenBeforeTheUpgradeAreIndexedByTheirLatestVersion() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:upgrade;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("16").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        UUID unit = UUID.randomUUID();
        jdbc.update("INSERT INTO unit (id, name, kind, level, sort_order, version, created_at, updated_at) "
                + "VALUES (?, '升级测试值班室', 'WORKING_DEPARTMENT', 'COUNTY', 0, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", unit);
        UUID corrected = UUID.randomUUID();
        UUID latest = entry(jdbc, unit, corrected, 1, 1, "昨夜暴雨导致积水", null);
        latest = entry(jdbc, unit, corrected, 1, 2, "昨夜暴雨导致金台大道积水", "补充地点");
        UUID call = UUID.randomUUID();
        entry(jdbc, unit, call, 2, 1, "询问值班安排", null);

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT entry_id, row_id, content, grams FROM duty_log_search "
                + "ORDER BY content");
        assertThat(rows).hasSize(2);
        Map<String, Object> rain = rows.stream().filter(r -> r.get("entry_id").equals(corrected)).findFirst().orElseThrow();
        assertThat(rain.get("row_id")).isEqualTo(latest);
        assertThat((String) rain.get("content")).startsWith("昨夜暴雨导致金台大道积水");
        assertThat(((String) rain.get("grams")).split(" ")).contains("暴雨", "大道");
    }

    private static UUID entry(JdbcTemplate jdbc, UUID unit, UUID entryId, int number, int version, String summary,
            String note) {
        UUID id = UUID.randomUUID();
        int seq = number * 10 + version;
        jdbc.update("INSERT INTO duty_log_entry (id, entry_id, unit_id, log_year, entry_number, entry_version, chain_seq, "
                + "kind, occurred_at, summary, caller_name, follow_up, correction_note, recorded_at, recorded_by, "
                + "prev_hash, hash) VALUES (?, ?, ?, 2026, ?, ?, ?, 'EVENT', CURRENT_TIMESTAMP, ?, '王强', 'DONE', ?, "
                + "CURRENT_TIMESTAMP, 'old', '0', '0')", id, entryId, unit, number, version, seq, summary, note);
        return id;
    }
}
