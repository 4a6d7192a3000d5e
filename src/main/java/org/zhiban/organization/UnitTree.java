package org.zhiban.organization;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.organization.internal.PersonRepository;
import org.zhiban.organization.internal.UnitRepository;

/**
 * Read-only look-ups of the unit tree for other modules, without data-scope checks: a module that shows
 * the results to a user checks scope with {@link UnitScope} itself.
 */
@Service
@Transactional(readOnly = true)
public class UnitTree {

    private final UnitRepository units;
    private final PersonRepository people;

    UnitTree(UnitRepository units, PersonRepository people) {
        this.units = units;
        this.people = people;
    }

    public Optional<Unit> find(UUID unitId) {
        return units.findById(unitId);
    }

    public Optional<Person> findPerson(UUID personId) {
        return people.findById(personId);
    }

    /**
     * The directory's search below {@code root}: units and active people by a part of their name (people also by post
     * or remark), by pinyin initials ({@code jtq} finds 金台区), or by a whole phone number in any written form —
     * a unit's duty phone or fax, a person's numbers through their keyed index; of one level when given.
     */
    public DirectoryMatches searchDirectory(UUID root, String query, UnitLevel level, int limit) {
        String text = query.trim();
        String number = PhoneNumbers.normalizeAny(text).orElse(null);
        String initials = NameInitials.looksLikeInitials(text) ? text.toLowerCase(java.util.Locale.ROOT) : null;
        return new DirectoryMatches(units.directorySearch(root, text, initials, number, level, limit),
                people.directorySearch(root, text, initials, number, level == null ? null : level.name(), limit));
    }

    /** What a directory search found. */
    public record DirectoryMatches(List<Unit> units, List<Person> people) {
    }

    /** The active people of the given units, in each unit's order. */
    public List<Person> activePeopleIn(List<UUID> unitIds) {
        return people.activeIn(unitIds);
    }

    /** When each of the people's entries last changed. */
    public java.util.Map<UUID, java.time.Instant> lastChanged(List<UUID> personIds) {
        return people.lastChanged(personIds);
    }

    public List<Unit> findAll(List<UUID> unitIds) {
        return units.findAllById(unitIds);
    }

    public List<Unit> children(UUID unitId) {
        return units.children(unitId);
    }

    /** From the top of the unit's tree down to the unit itself. */
    public List<Unit> pathTo(UUID unitId) {
        return units.pathTo(unitId);
    }

    /** Every unit below one, the unit itself not included; no particular order. */
    public List<Unit> below(UUID unitId) {
        return units.below(unitId);
    }

    public List<UUID> subtreeIds(UUID unitId) {
        return units.subtreeIds(unitId);
    }

    public boolean isWithin(UUID ancestor, UUID descendant) {
        return units.isWithin(ancestor, descendant);
    }

    public List<Unit> roots() {
        return units.roots();
    }

    public long countUnits() {
        return units.count();
    }
}
