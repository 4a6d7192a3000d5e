package org.zhiban.obligation;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The kinds modules declared, with lead times and delays overridden from configuration where set. */
@Component
public class ObligationKinds {

    /** A task a superior assigns to a subordinate with a deadline (交办事项); the one kind people open by hand. */
    public static final ObligationKind ASSIGNED_TASK = new ObligationKind("ASSIGNED_TASK", "交办事项",
            Duration.ofHours(2), Duration.ofHours(2), true);

    private final Map<String, ObligationKind> kinds = new LinkedHashMap<>();

    ObligationKinds(List<ObligationKind> declared, Environment environment) {
        for (ObligationKind kind : declared) {
            String prefix = "zhiban.obligation.kinds." + kind.code() + ".";
            Duration lead = environment.getProperty(prefix + "reminder-lead", Duration.class, kind.reminderLead());
            Duration delay = environment.getProperty(prefix + "superior-escalation-delay", Duration.class,
                    kind.superiorEscalationDelay());
            kinds.put(kind.code(), new ObligationKind(kind.code(), kind.label(), lead, delay, kind.manual()));
        }
    }

    public Optional<ObligationKind> find(String code) {
        return Optional.ofNullable(kinds.get(code));
    }

    public Collection<ObligationKind> all() {
        return kinds.values();
    }

    public String label(String code) {
        return find(code).map(ObligationKind::label).orElse(code);
    }

    @Bean
    static ObligationKind assignedTaskKind() {
        return ASSIGNED_TASK;
    }
}
