package org.zhiban.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.organization.DirectoryRole;
import org.zhiban.organization.EmploymentType;
import org.zhiban.organization.NameInitials;
import org.zhiban.organization.Person;
import org.zhiban.organization.PhoneNumbers;
import org.zhiban.organization.SealedPersonalData;
import org.zhiban.shared.PersonalData;
import org.zhiban.shared.SqlTimes;

@Repository
public class PersonRepository implements SealedPersonalData {

    private static final String COLUMNS = "p.id, p.unit_id, p.name, p.position, p.mobile, p.office_phone, "
            + "p.employment_type, p.remark, p.directory_roles, p.active, p.version";

    /** Where a sealed number is kept, bound into its seal: a value copied to another row or field does not open. */
    static final String MOBILE = "person.mobile:";
    static final String OFFICE_PHONE = "person.office_phone:";
    private static final String PHONE_INDEX = "phone";

    private final JdbcClient jdbc;
    private final PersonalData personal;

    PersonRepository(JdbcClient jdbc, PersonalData personal) {
        this.jdbc = jdbc;
        this.personal = personal;
    }

    public void insert(Person person, int sortOrder, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        StoredNumbers numbers = stored(person.id(), person.mobile(), person.officePhone());
        jdbc.sql("""
                INSERT INTO person (id, unit_id, name, name_initials, position, mobile, mobile_index, office_phone,
                                    office_phone_index, employment_type, remark, directory_roles, active, sort_order,
                                    version, created_at, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(person.id(), person.unitId(), person.name(), NameInitials.of(person.name()),
                        person.position(), numbers.mobile(),
                        numbers.mobileIndex(), numbers.officePhone(), numbers.officePhoneIndex(),
                        person.employmentType().name(), person.remark(), DirectoryRole.stored(person.directoryRoles()),
                        person.active(), sortOrder, person.version(), at, at)
                .update();
    }

    public boolean update(Person person, int expectedVersion, Instant now) {
        StoredNumbers numbers = stored(person.id(), person.mobile(), person.officePhone());
        return jdbc.sql("""
                UPDATE person SET name = ?, name_initials = ?, position = ?, mobile = ?, mobile_index = ?,
                                  office_phone = ?,
                                  office_phone_index = ?, employment_type = ?, remark = ?, directory_roles = ?,
                                  active = ?, version = version + 1, updated_at = ?
                WHERE id = ? AND version = ?""")
                .params(person.name(), NameInitials.of(person.name()), person.position(), numbers.mobile(),
                        numbers.mobileIndex(), numbers.officePhone(), numbers.officePhoneIndex(), person.employmentType().name(),
                        person.remark(), DirectoryRole.stored(person.directoryRoles()), person.active(),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC), person.id(), expectedVersion)
                .update() == 1;
    }

    public Optional<Person> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM person p WHERE p.id = ?").param(id).query(this::map).optional();
    }

    public List<Person> byUnit(UUID unitId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM person p WHERE p.unit_id = ? ORDER BY p.active DESC, "
                + "p.sort_order, p.name")
                .param(unitId)
                .query(this::map)
                .list();
    }

    /** One field of a person changed, as the entry's history keeps it (numbers already masked by the caller). */
    public void recordChange(UUID personId, UUID unitId, Instant at, String by, String field, String oldValue,
            String newValue) {
        jdbc.sql("INSERT INTO person_change (id, person_id, unit_id, changed_at, changed_by, field, old_value, "
                + "new_value) VALUES (?,?,?,?,?,?,?,?)")
                .params(UUID.randomUUID(), personId, unitId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), by, field,
                        oldValue, newValue)
                .update();
    }

    /** A person's recorded changes, the latest first. */
    public List<ChangeRow> changesOf(UUID personId, int limit) {
        return jdbc.sql("SELECT changed_at, changed_by, field, old_value, new_value FROM person_change "
                + "WHERE person_id = ? ORDER BY changed_at DESC, field FETCH FIRST ? ROWS ONLY")
                .params(personId, limit)
                .query((rs, n) -> new ChangeRow(SqlTimes.instant(rs, 1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    public record ChangeRow(Instant changedAt, String changedBy, String field, String oldValue, String newValue) {
    }

    public int nextSortOrder(UUID unitId) {
        return jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM person WHERE unit_id = ?").param(unitId)
                .query(Integer.class).single();
    }

    /**
     * People whose name contains {@code fragment}, or (when it is a whole phone number) whose mobile or office phone
     * is that number, found by its keyed index; in units below {@code scopeRoot} (anywhere when null).
     */
    public List<Person> search(String fragment, UUID scopeRoot, int limit) {
        String number = PhoneNumbers.normalizeAny(fragment).map(this::index).orElse(null);
        String matches = number == null ? "p.name LIKE :pattern ESCAPE '\\' "
                : "(p.mobile_index = :number OR p.office_phone_index = :number) ";
        String pattern = "%" + LikePatterns.escape(fragment) + "%";
        if (scopeRoot == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM person p WHERE " + matches + "ORDER BY p.name LIMIT :limit")
                    .param("pattern", pattern).param("number", number).param("limit", limit)
                    .query(this::map)
                    .list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM person p JOIN unit_closure c ON c.descendant_id = p.unit_id "
                + "WHERE c.ancestor_id = :scope AND " + matches + "ORDER BY c.depth, p.name LIMIT :limit")
                .param("scope", scopeRoot).param("pattern", pattern).param("number", number).param("limit", limit)
                .query(this::map)
                .list();
    }

    /**
     * Active people below {@code root} (itself included) for the directory: by a part of the name, the post or the
     * remark, by pinyin initials, or — when {@code number} is given — by the whole number through its keyed index;
     * of units of one level when {@code level} is given.
     */
    public List<Person> directorySearch(UUID root, String text, String initials, String number, String level,
            int limit) {
        String matches = number != null
                ? "(p.mobile_index = :number OR p.office_phone_index = :number)"
                : "(p.name LIKE :pattern ESCAPE '\\' OR p.position LIKE :pattern ESCAPE '\\' OR p.remark LIKE "
                        + ":pattern ESCAPE '\\'" + (initials != null ? " OR p.name_initials LIKE :initials" : "") + ")";
        return jdbc.sql("SELECT " + COLUMNS + " FROM person p JOIN unit_closure c ON c.descendant_id = p.unit_id "
                + (level != null ? "JOIN unit u ON u.id = p.unit_id " : "") + "WHERE c.ancestor_id = " + literal(root) + " "
                + "AND p.active = TRUE AND " + matches + (level != null ? " AND u.level = :level" : "")
                + " ORDER BY c.depth, p.sort_order, p.name FETCH FIRST :limit ROWS ONLY")
                .param("number", number == null ? null : index(number))
                .param("pattern", "%" + LikePatterns.escape(text) + "%")
                .param("initials", initials == null ? null : "%" + initials + "%").param("level", level)
                .param("limit", limit)
                .query(this::map).list();
    }

    /**
     * The subtree's root written into the statement rather than bound: PostgreSQL's generic plan for a bound root
     * guesses a handful of descendants and walks a province's 10,000 units one by one (160 ms instead of 30); with
     * the root in the text each plan is made for its own subtree. A UUID's text is safe to write in.
     */
    static String literal(UUID root) {
        return "CAST('" + root + "' AS UUID)";
    }

    /** The active people of the given units, in each unit's order. */
    public List<Person> activeIn(List<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM person p WHERE p.unit_id IN (:units) AND p.active = TRUE "
                + "ORDER BY p.sort_order, p.name").param("units", unitIds).query(this::map).list();
    }

    /** When each of the given people's entry last changed (a correction counts as a confirmation). */
    public Map<UUID, Instant> lastChanged(List<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, updated_at FROM person WHERE id IN (:ids)").param("ids", personIds)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), SqlTimes.instant(rs, 2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public long countWithin(UUID unitId) {
        return jdbc.sql("SELECT COUNT(*) FROM person p JOIN unit_closure c ON c.descendant_id = p.unit_id "
                + "WHERE c.ancestor_id = ? AND p.active = TRUE")
                .param(unitId).query(Long.class).single();
    }

    /**
     * Rows with a number not sealed under {@code currentPrefix} (clear from before, or an older key), by id after the
     * first {@code skip}; a row whose number does not open has null numbers and is {@code unreadable}.
     */
    private List<StoredRow> notSealedWith(String currentPrefix, int skip, int limit) {
        String pattern = currentPrefix + "%";
        return jdbc.sql("SELECT id, mobile, office_phone FROM person WHERE (mobile IS NOT NULL AND mobile NOT LIKE :p) "
                + "OR (office_phone IS NOT NULL AND office_phone NOT LIKE :p) ORDER BY id LIMIT :limit OFFSET :skip "
                + "FOR UPDATE")
                .param("p", pattern).param("limit", limit).param("skip", skip)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    try {
                        return new StoredRow(id, personal.open(MOBILE + id, rs.getString("mobile")),
                                personal.open(OFFICE_PHONE + id, rs.getString("office_phone")), false);
                    }
                    catch (IllegalStateException tampered) {
                        return new StoredRow(id, null, null, true);
                    }
                })
                .list();
    }

    @Override
    public long countNotSealedWith(String currentPrefix) {
        String pattern = currentPrefix + "%";
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE (mobile IS NOT NULL AND mobile NOT LIKE :p) "
                + "OR (office_phone IS NOT NULL AND office_phone NOT LIKE :p)")
                .param("p", pattern).query(Long.class).single();
    }

    @Override
    public String what() {
        return "人员电话号码";
    }

    @Override
    public Batch resealBatch(String currentPrefix, int skip, int limit) {
        List<StoredRow> rows = notSealedWith(currentPrefix, skip, limit);
        List<StoredRow> readable = rows.stream().filter(row -> !row.unreadable()).toList();
        readable.forEach(this::reseal);
        return new Batch(readable.size(), rows.size() - readable.size());
    }

    /** Seals a row's numbers again under the current key; the clear values are the row's own, just opened. */
    private void reseal(StoredRow row) {
        StoredNumbers numbers = stored(row.id(), row.mobile(), row.officePhone());
        jdbc.sql("UPDATE person SET mobile = ?, mobile_index = ?, office_phone = ?, office_phone_index = ? WHERE id = ?")
                .params(numbers.mobile(), numbers.mobileIndex(), numbers.officePhone(), numbers.officePhoneIndex(),
                        row.id())
                .update();
    }

    /** The mobile of a person as stored, in clear: for modules that read the row and mask it. */
    public String openMobile(UUID personId, String stored) {
        return personal.openOrUnreadable(MOBILE + personId, stored);
    }

    /** A person's numbers as the row keeps them: each sealed under its place, and its keyed index. */
    public StoredNumbers stored(UUID personId, String mobile, String officePhone) {
        return new StoredNumbers(personal.seal(MOBILE + personId, mobile), index(mobile),
                personal.seal(OFFICE_PHONE + personId, officePhone), index(officePhone));
    }

    private String index(String number) {
        return number == null ? null : personal.index(PHONE_INDEX, PhoneNumbers.normalizeAny(number).orElse(number));
    }

    private Person map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Person(id, rs.getObject("unit_id", UUID.class), rs.getString("name"), rs.getString("position"),
                personal.openOrUnreadable(MOBILE + id, rs.getString("mobile")),
                personal.openOrUnreadable(OFFICE_PHONE + id, rs.getString("office_phone")),
                EmploymentType.valueOf(rs.getString("employment_type")), rs.getString("remark"),
                DirectoryRole.parse(rs.getString("directory_roles")), rs.getBoolean("active"), rs.getInt("version"));
    }

    public record StoredNumbers(String mobile, String mobileIndex, String officePhone, String officePhoneIndex) {
    }

    /** A row's numbers, opened, unless one does not open. */
    private record StoredRow(UUID id, String mobile, String officePhone, boolean unreadable) {
    }
}
