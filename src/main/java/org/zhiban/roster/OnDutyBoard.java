package org.zhiban.roster;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhiban.organization.PersonChanged;
import org.zhiban.roster.internal.RosterRepository;
import org.zhiban.roster.internal.RosterRepository.OnDutyRow;
import org.zhiban.shared.RevisionedCache;
import org.zhiban.shared.Zones;

/**
 * Who is on duty, from memory: a superior's page asks for a thousand units at once, many times a minute, and the
 * answer changes only when a published roster or a person changes. Each instance keeps the published positions of
 * every unit for yesterday, today and tomorrow (China time), one day per entry, loaded in one query; any change
 * drops them on every instance within a second (ADR 13). Other days are read from the database.
 */
@Component
class OnDutyBoard {

    private final RosterRepository repository;
    private final RevisionedCache<LocalDate, Map<UUID, List<OnDutyRow>>> days;
    private final Clock clock;

    OnDutyBoard(RosterRepository repository, JdbcClient jdbc, Clock clock) {
        this.repository = repository;
        this.days = new RevisionedCache<>("duty-board", jdbc);
        this.clock = clock;
    }

    /** The positions of the instant's day by unit, or empty when the day is not yesterday, today or tomorrow. */
    Optional<Map<UUID, List<OnDutyRow>>> day(Instant at) {
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        LocalDate day = LocalDate.ofInstant(at, Zones.CHINA);
        if (Math.abs(ChronoUnit.DAYS.between(today, day)) > 1) {
            return Optional.empty();
        }
        days.removeIf(d -> d.isBefore(today.minusDays(1)));
        return Optional.of(days.get(day, this::load));
    }

    /** A published roster changed (published, reopened, swapped): every instance reloads. */
    void changed() {
        days.invalidate();
    }

    @ApplicationModuleListener
    void on(PersonChanged event) {
        changed();
    }

    private Map<UUID, List<OnDutyRow>> load(LocalDate day) {
        Instant from = day.atStartOfDay(Zones.CHINA).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(Zones.CHINA).toInstant();
        return repository.onDutyOverlapping(from, to).stream()
                .collect(Collectors.groupingBy(OnDutyRow::unitId, Collectors.toUnmodifiableList()));
    }
}
