package org.zhiban.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database that loaded the Baoji and X 区 policies before they kept the log book long-term gets the rule on upgrade,
 * exactly as a new database loads it from the shipped files; a rule an administrator has set is left as it is.
 */
class LongTermRetentionMigrationTests {

    private static final ShippedPolicies READER = new ShippedPolicies(null);

    @Test
    void policiesLoadedBeforeTheUpgradeGainTheRuleAsTheShippedFilesHaveIt() throws IOException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:long-term;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("24").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        DutyPolicy baoji = shipped("baoji-2022");
        DutyPolicy xDistrict = shipped("x-district");
        loadWithoutLongTerm(jdbc, baoji);
        loadWithoutLongTerm(jdbc, xDistrict);
        jdbc.update("INSERT INTO policy_rule (policy_id, rule_key, value_type, rule_value, article, to_be_confirmed) "
                + "VALUES (?, 'dutylog.long-term', 'BOOLEAN', 'false', '第十二条（三）', FALSE)", xDistrict.id());

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        PolicyRule expected = baoji.rule(RuleKey.DUTYLOG_LONG_TERM).orElseThrow();
        assertThat(longTerm(jdbc, baoji)).containsEntry("rule_value", expected.value().value())
                .containsEntry("value_type", expected.value().type().name())
                .containsEntry("article", expected.article()).containsEntry("excerpt", expected.excerpt())
                .containsEntry("to_be_confirmed", true).containsEntry("note", expected.note());
        assertThat(longTerm(jdbc, xDistrict)).containsEntry("rule_value", "false")
                .containsEntry("to_be_confirmed", false);
    }

    private static DutyPolicy shipped(String code) throws IOException {
        return READER.read(new ClassPathResource("policies/" + code + ".json"));
    }

    /** The policy as an installation loaded it before this release. */
    private static void loadWithoutLongTerm(JdbcTemplate jdbc, DutyPolicy policy) {
        jdbc.update("INSERT INTO duty_policy (id, code, name, document_number) VALUES (?, ?, ?, ?)", policy.id(),
                policy.code(), policy.name(), policy.documentNumber());
        policy.rules().stream().filter(rule -> rule.key() != RuleKey.DUTYLOG_LONG_TERM).forEach(rule -> jdbc.update(
                "INSERT INTO policy_rule (policy_id, rule_key, value_type, rule_value, article, excerpt, "
                        + "to_be_confirmed, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", policy.id(), rule.key().key(),
                rule.value().type().name(), rule.value().value(), rule.article(), rule.excerpt(),
                rule.toBeConfirmed(), rule.note()));
    }

    private static Map<String, Object> longTerm(JdbcTemplate jdbc, DutyPolicy policy) {
        return jdbc.queryForMap("SELECT value_type, rule_value, article, excerpt, to_be_confirmed, note FROM policy_rule "
                + "WHERE policy_id = ? AND rule_key = 'dutylog.long-term'", policy.id());
    }
}
