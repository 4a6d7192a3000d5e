package org.zhiban.policy.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.policy.DutyPolicy;
import org.zhiban.policy.PolicyRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.policy.RuleValue;
import org.zhiban.policy.ValueType;

@Repository
public class PolicyRepository {

    private final JdbcClient jdbc;

    PolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM duty_policy WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    public void insert(DutyPolicy policy) {
        jdbc.sql("INSERT INTO duty_policy (id, code, name, document_number, issuer, issued_on) VALUES (?,?,?,?,?,?)")
                .params(policy.id(), policy.code(), policy.name(), policy.documentNumber(), policy.issuer(),
                        policy.issuedOn() == null ? null : Date.valueOf(policy.issuedOn()))
                .update();
        policy.rules().forEach(rule -> insertRule(policy.id(), rule));
    }

    public void insertRule(UUID policyId, PolicyRule rule) {
        jdbc.sql("INSERT INTO policy_rule (policy_id, rule_key, value_type, rule_value, article, excerpt, "
                + "to_be_confirmed, note) VALUES (?,?,?,?,?,?,?,?)")
                .params(policyId, rule.key().key(), rule.value().type().name(), rule.value().value(),
                        rule.article(), rule.excerpt(), rule.toBeConfirmed(), rule.note())
                .update();
    }

    public List<DutyPolicy> all() {
        List<Header> headers = jdbc.sql("SELECT id, code, name, document_number, issuer, issued_on FROM duty_policy "
                + "ORDER BY issued_on, code").query(this::header).list();
        Map<UUID, List<PolicyRule>> rules = new HashMap<>();
        jdbc.sql("SELECT policy_id, rule_key, value_type, rule_value, article, excerpt, to_be_confirmed, note "
                + "FROM policy_rule").query((rs, n) -> {
                    UUID policyId = rs.getObject("policy_id", UUID.class);
                    Optional<PolicyRule> rule = rule(rs);
                    rule.ifPresent(r -> rules.computeIfAbsent(policyId, k -> new ArrayList<>()).add(r));
                    return policyId;
                }).list();
        return headers.stream().map(h -> h.with(sorted(rules.getOrDefault(h.id(), List.of())))).toList();
    }

    public Optional<DutyPolicy> byCode(String code) {
        return all().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public Optional<DutyPolicy> byId(UUID id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public void updateRule(UUID policyId, PolicyRule rule) {
        int updated = jdbc.sql("UPDATE policy_rule SET value_type = ?, rule_value = ?, to_be_confirmed = ?, note = ? "
                + "WHERE policy_id = ? AND rule_key = ?")
                .params(rule.value().type().name(), rule.value().value(), rule.toBeConfirmed(), rule.note(), policyId,
                        rule.key().key())
                .update();
        if (updated == 0) {
            insertRule(policyId, rule);
        }
    }

    /** The policy attached to each of the given units, by unit. */
    public Map<UUID, Attachment> attachments(List<UUID> unitIds) {
        Map<UUID, Attachment> result = new HashMap<>();
        jdbc.sql("SELECT unit_id, policy_id, adopted_by FROM policy_attachment WHERE unit_id IN (:units)")
                .param("units", unitIds)
                .query((rs, n) -> result.put(rs.getObject(1, UUID.class),
                        new Attachment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3))))
                .list();
        return result;
    }

    public void attach(UUID unitId, UUID policyId, String adoptedBy, String by, Instant at) {
        jdbc.sql("DELETE FROM policy_attachment WHERE unit_id = ?").param(unitId).update();
        jdbc.sql("INSERT INTO policy_attachment (unit_id, policy_id, adopted_by, attached_by, attached_at) "
                + "VALUES (?,?,?,?,?)")
                .params(unitId, policyId, adoptedBy, by, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    public boolean detach(UUID unitId) {
        return jdbc.sql("DELETE FROM policy_attachment WHERE unit_id = ?").param(unitId).update() > 0;
    }

    /** The tightenings set by each of the given units. */
    public List<Override> overrides(List<UUID> unitIds) {
        return jdbc.sql("SELECT unit_id, rule_key, value_type, rule_value, citation FROM policy_override "
                + "WHERE unit_id IN (:units)")
                .param("units", unitIds)
                .query((rs, n) -> {
                    UUID unitId = rs.getObject(1, UUID.class);
                    RuleValue value = new RuleValue(ValueType.valueOf(rs.getString(3)), rs.getString(4));
                    String citation = rs.getString(5);
                    return RuleKey.find(rs.getString(2)).map(key -> new Override(unitId, key, value, citation));
                })
                .list().stream().flatMap(Optional::stream).toList();
    }

    public void putOverride(Override override, String by, Instant at) {
        jdbc.sql("DELETE FROM policy_override WHERE unit_id = ? AND rule_key = ?")
                .params(override.unitId(), override.key().key()).update();
        jdbc.sql("INSERT INTO policy_override (unit_id, rule_key, value_type, rule_value, citation, set_by, set_at) "
                + "VALUES (?,?,?,?,?,?,?)")
                .params(override.unitId(), override.key().key(), override.value().type().name(),
                        override.value().value(), override.citation(), by, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    public boolean removeOverride(UUID unitId, RuleKey key) {
        return jdbc.sql("DELETE FROM policy_override WHERE unit_id = ? AND rule_key = ?").params(unitId, key.key())
                .update() > 0;
    }

    private Header header(ResultSet rs, int row) throws SQLException {
        Date issued = rs.getDate("issued_on");
        return new Header(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("document_number"), rs.getString("issuer"), issued == null ? null : issued.toLocalDate());
    }

    private static Optional<PolicyRule> rule(ResultSet rs) throws SQLException {
        Optional<RuleKey> key = RuleKey.find(rs.getString("rule_key"));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PolicyRule(key.get(),
                new RuleValue(ValueType.valueOf(rs.getString("value_type")), rs.getString("rule_value")),
                rs.getString("article"), rs.getString("excerpt"), rs.getBoolean("to_be_confirmed"),
                rs.getString("note")));
    }

    private static List<PolicyRule> sorted(List<PolicyRule> rules) {
        return rules.stream().sorted(Comparator.comparing(r -> r.key().ordinal())).toList();
    }

    private record Header(UUID id, String code, String name, String documentNumber, String issuer,
            java.time.LocalDate issuedOn) {

        DutyPolicy with(List<PolicyRule> rules) {
            return new DutyPolicy(id, code, name, documentNumber, issuer, issuedOn, rules);
        }
    }

    public record Attachment(UUID unitId, UUID policyId, String adoptedBy) {
    }

    public record Override(UUID unitId, RuleKey key, RuleValue value, String citation) {
    }
}
