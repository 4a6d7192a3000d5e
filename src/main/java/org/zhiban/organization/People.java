package org.zhiban.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.organization.internal.PersonRepository;
import org.zhiban.organization.internal.UnitRepository;
import org.zhiban.shared.Actor;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/**
 * People on behalf of the acting account. Phone numbers are personal data: lists carry them masked,
 * and each reveal of a full number is audited.
 */
@Service
public class People {

    private static final int SEARCH_LIMIT = 50;
    private static final int HISTORY_LIMIT = 200;

    private final PersonRepository people;
    private final UnitRepository units;
    private final UnitScope scope;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    People(PersonRepository people, UnitRepository units, UnitScope scope, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.people = people;
        this.units = units;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PersonView> inUnit(Actor actor, UUID unitId) {
        units.findById(unitId).orElseThrow(() -> Units.notFound(unitId));
        scope.requireVisible(actor, unitId);
        return people.byUnit(unitId).stream().map(PersonView::masked).toList();
    }

    @Transactional(readOnly = true)
    public PersonView get(Actor actor, UUID personId) {
        return PersonView.masked(load(actor, personId));
    }

    /** The person with full numbers, for the edit form of someone allowed to change them. */
    @Transactional(readOnly = true)
    public Person getForEdit(Actor actor, UUID personId) {
        Person person = people.findById(personId).orElseThrow(() -> notFound(personId));
        scope.requireManageable(actor, person.unitId(), () -> notFound(personId));
        return person;
    }

    @Transactional(readOnly = true)
    public List<PersonView> search(Actor actor, String fragment) {
        if (fragment == null || fragment.isBlank()) {
            return List.of();
        }
        if (!actor.platformWide() && actor.unitId() == null) {
            return List.of();
        }
        return people.search(fragment.trim(), actor.platformWide() ? null : actor.unitId(), SEARCH_LIMIT).stream().map(PersonView::masked).toList();
    }

    /** The full phone numbers of a person; every reveal is written to the audit trail. */
    @Transactional
    public RevealedPhones revealPhones(Actor actor, UUID personId) {
        Person person = load(actor, personId);
        audit.record("PHONE_REVEALED", "person:" + personId, AuditOutcome.SUCCESS, person.name());
        return new RevealedPhones(personId, person.mobile(), person.officePhone());
    }

    /**
     * The masked mobile of a person row another module reads for its own lists (the on-duty board): the number is
     * sealed at rest, and only this module opens it.
     */
    public String maskedMobile(UUID personId, String stored) {
        return PhoneNumbers.mask(people.openMobile(personId, stored));
    }

    @Transactional
    public PersonView create(Actor actor, UUID unitId, PersonCommand command) {
        units.findById(unitId).orElseThrow(() -> Units.notFound(unitId));
        scope.requireManageable(actor, unitId);
        Person person = new Person(UUID.randomUUID(), unitId, command.name().trim(),
                Units.blankToNull(command.position()), mobile(command.mobile()), anyPhone(command.officePhone()),
                command.employmentType(), Units.blankToNull(command.remark()), command.directoryRoles(),
                command.active() == null || command.active(), 0);
        people.insert(person, people.nextSortOrder(unitId), clock.instant());
        audit.record("PERSON_CREATED", "person:" + person.id(), AuditOutcome.SUCCESS, person.name());
        return PersonView.masked(person);
    }

    @Transactional
    public PersonView update(Actor actor, UUID personId, PersonCommand command) {
        Person current = people.findById(personId).orElseThrow(() -> notFound(personId));
        scope.requireManageable(actor, current.unitId(), () -> notFound(personId));
        Person changed = new Person(personId, current.unitId(), command.name().trim(),
                Units.blankToNull(command.position()), mobile(command.mobile()), anyPhone(command.officePhone()),
                command.employmentType(), Units.blankToNull(command.remark()),
                command.directoryRoles() == null ? current.directoryRoles() : command.directoryRoles(),
                command.active() == null ? current.active() : command.active(), current.version() + 1);
        int expected = command.version() == null ? current.version() : command.version();
        Instant now = clock.instant();
        if (!people.update(changed, expected, now)) {
            throw ZhibanException.conflict("CONCURRENT_MODIFICATION", "该人员信息已被他人修改，请刷新后重试");
        }
        List<PersonChange.Difference> differences = PersonChange.between(current, changed);
        differences.forEach(d -> people.recordChange(personId, current.unitId(), now, actor.username(),
                d.field().name(), d.oldValue(), d.newValue()));
        audit.record("PERSON_UPDATED", "person:" + personId, AuditOutcome.SUCCESS, changed.name());
        events.publishEvent(new PersonChanged(personId));
        List<String> told = differences.stream().filter(d -> PersonChange.isPostOrContact(d.field()))
                .map(d -> d.field().label()).toList();
        if ((current.isPrincipal() || changed.isPrincipal()) && !told.isEmpty()) {
            events.publishEvent(new PrincipalChanged(personId, current.unitId(), changed.name(), told, changed.version()));
        }
        return PersonView.masked(changed);
    }

    /** The recorded changes of a person's entry, the latest first. */
    @Transactional(readOnly = true)
    public List<PersonChange> history(Actor actor, UUID personId) {
        load(actor, personId);
        return people.changesOf(personId, HISTORY_LIMIT).stream()
                .map(row -> new PersonChange(Zones.china(row.changedAt()), row.changedBy(), row.field(),
                        PersonChange.Field.valueOf(row.field()).label(), row.oldValue(), row.newValue()))
                .toList();
    }

    private Person load(Actor actor, UUID personId) {
        Person person = people.findById(personId).orElseThrow(() -> notFound(personId));
        scope.requireVisible(actor, person.unitId(), () -> notFound(personId));
        return person;
    }

    private static ZhibanException notFound(UUID personId) {
        return ZhibanException.notFound("PERSON_NOT_FOUND", "人员不存在：" + personId);
    }

    private static String mobile(String raw) {
        return raw == null || raw.isBlank() ? null : PhoneNumbers.normalizeMobile(raw).orElse(raw.trim());
    }

    private static String anyPhone(String raw) {
        return raw == null || raw.isBlank() ? null : PhoneNumbers.normalizeAny(raw).orElse(raw.trim());
    }

    /** Full phone numbers, handed out only through {@link #revealPhones}. */
    public record RevealedPhones(UUID personId, String mobile, String officePhone) {
    }
}
