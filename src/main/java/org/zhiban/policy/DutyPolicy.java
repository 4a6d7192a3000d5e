package org.zhiban.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A jurisdiction's rule set, e.g. 宝鸡市政府系统值班工作规范（试行）, 宝政办发〔2022〕43号.
 */
public record DutyPolicy(UUID id, String code, String name, String documentNumber, String issuer, LocalDate issuedOn,
        List<PolicyRule> rules) {

    public Optional<PolicyRule> rule(RuleKey key) {
        return rules.stream().filter(r -> r.key() == key).findFirst();
    }
}
