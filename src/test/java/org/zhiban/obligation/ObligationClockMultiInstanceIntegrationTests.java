package org.zhiban.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhiban.ZhibanApplication;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitCommand;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.Units;
import org.zhiban.shared.Actor;
import org.zhiban.shared.KeyRing;
import org.zhiban.shared.Role;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.TestDatabase;

/**
 * Two more instances of the application on the same PostgreSQL, sharing the test's clock: 10,000 obligations fall
 * due in the same second, and each overdue transition and each superior escalation fires exactly once.
 */
class ObligationClockMultiInstanceIntegrationTests extends IntegrationTestSupport {

    private static final int COUNT = 10_000;

    @Autowired
    KeyRing keys;

    @Autowired
    Obligations obligations;

    @Autowired
    Units units;

    @Test
    void twoInstancesFireEachOfTenThousandDeadlinesExactlyOnce() {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "runs on PostgreSQL only (./mvnw verify -Ppostgres)");
        Unit obligor = unitsWithoutAccounts();
        Instant due = clock.instant().plusSeconds(1);
        for (int i = 0; i < COUNT; i++) {
            obligations.open(new OpenObligation(obligor.id(), ObligationKinds.ASSIGNED_TASK.code(), "multi-instance",
                    Integer.toString(i), "多实例测试事项", due, null));
        }
        ConfigurableApplicationContext first = instance("instance-a");
        ConfigurableApplicationContext second = instance("instance-b");
        try {
            clock.advance(Duration.ofSeconds(2));
            await(() -> fired("OVERDUE") == COUNT);
            clock.advance(ObligationKinds.ASSIGNED_TASK.superiorEscalationDelay());
            await(() -> fired("SUPERIOR_ESCALATION") == COUNT);
            awaitEventsHandled();
        }
        finally {
            first.close();
            second.close();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM obligation o WHERE o.subject_module = 'multi-instance' AND "
                + "(SELECT COUNT(*) FROM obligation_firing f WHERE f.obligation_id = o.id) <> 2")
                .query(Long.class).single()).as("obligations without exactly two firings").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM obligation WHERE subject_module = 'multi-instance' AND overdue = TRUE "
                + "AND next_step IS NULL").query(Long.class).single()).isEqualTo(COUNT);
        Map<String, Long> byInstance = new HashMap<>();
        jdbc.sql("SELECT f.instance, COUNT(*) FROM obligation_firing f JOIN obligation o ON o.id = f.obligation_id "
                + "WHERE o.subject_module = 'multi-instance' GROUP BY f.instance")
                .query((rs, n) -> byInstance.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(byInstance.keySet()).isEqualTo(Set.of("instance-a", "instance-b"));
        assertThat(byInstance.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2L * COUNT);
    }

    private long fired(String step) {
        return jdbc.sql("SELECT COUNT(*) FROM obligation_firing f JOIN obligation o ON o.id = f.obligation_id "
                + "WHERE o.subject_module = 'multi-instance' AND f.step = ?").param(step).query(Long.class).single();
    }

    /** A unit and its superior that nobody has accounts in, so that the test measures the clock, not messages. */
    private Unit unitsWithoutAccounts() {
        Actor admin = new Actor(null, "test", "测试", null, Set.of(Role.SYSTEM_ADMIN));
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(admin, null, List.of()));
        try {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            Unit top = units.create(admin, new UnitCommand(null, "多实例测试上级" + suffix, UnitKind.OTHER, UnitLevel.COUNTY,
                    null, null, null, null, null, null));
            return units.create(admin, new UnitCommand(top.id(), "多实例测试单位", UnitKind.OTHER, UnitLevel.TOWN, null,
                    null, null, null, null, null));
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private ConfigurableApplicationContext instance(String name) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("server.port", "0");
        properties.put("zhiban.demo.enabled", "false");
        properties.put("zhiban.instance-name", name);
        // Every instance of a deployment holds the same key file; with another, it could open no one's numbers.
        properties.put("zhiban.keys.file", keys.file().toAbsolutePath().toString());
        properties.put("zhiban.obligation.sweep-interval", "PT0.1S");
        properties.put("zhiban.notification.delivery-interval", "0");
        properties.put("spring.session.jdbc.cleanup-cron", "-");
        // As command-line arguments: they outrank application.properties, whose default is the embedded database.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ZhibanApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("sharedTestClock", clock))
                .run(arguments);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 120 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
