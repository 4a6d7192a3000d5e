package org.zhiban.policy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the three duty policies that ship with the application (classpath {@code policies/*.json}: Baoji 2022,
 * Longting 2023 and the X-district standard) into a database that lacks them. Values an administrator has changed
 * since are left as they are.
 */
@Component
@Order(-10)
class ShippedPolicies implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedPolicies.class);

    private final DutyPolicies policies;
    private final JsonMapper json = JsonMapper.builder().build();

    ShippedPolicies(DutyPolicies policies) {
        this.policies = policies;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:policies/*.json")) {
            DutyPolicy policy = read(resource);
            try {
                if (policies.loadShipped(policy)) {
                    log.info("Loaded the shipped duty policy {}, or the rules this version added to it ({} rules shipped)", policy.documentNumber(),
                            policy.rules().size());
                }
            }
            catch (DuplicateKeyException anotherInstanceWasFaster) {
                log.debug("Duty policy {} loaded by another instance", policy.code());
            }
        }
    }

    DutyPolicy read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            PolicyFile file = json.readValue(in, PolicyFile.class);
            List<PolicyRule> rules = file.rules().stream().map(r -> {
                RuleKey key = DutyPolicies.ruleKey(r.key());
                return new PolicyRule(key, RuleValue.of(key, ValueType.valueOf(r.type()), r.value()), r.article(),
                        r.excerpt(), Boolean.TRUE.equals(r.toBeConfirmed()), r.note());
            }).toList();
            return new DutyPolicy(UUID.nameUUIDFromBytes(file.code().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    file.code(), file.name(), file.documentNumber(), file.issuer(), file.issuedOn(), rules);
        }
    }

    record PolicyFile(String code, String name, String documentNumber, String issuer, LocalDate issuedOn,
            List<RuleFile> rules) {
    }

    record RuleFile(String key, String type, String value, String article, String excerpt, Boolean toBeConfirmed,
            String note) {
    }
}
