package org.zhiban.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.organization.EmploymentType;
import org.zhiban.organization.Person;

@Repository
public class PersonRepository {

    private static final String COLUMNS = "p.id, p.unit_id, p.name, p.position, p.mobile, p.office_phone, "
            + "p.employment_type, p.remark, p.active, p.version";

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Person person, int sortOrder, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO person (id, unit_id, name, position, mobile, office_phone, employment_type, remark,
                                    active, sort_order, version, created_at, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(person.id(), person.unitId(), person.name(), person.position(), person.mobile(),
                        person.officePhone(), person.employmentType().name(), person.remark(), person.active(),
                        sortOrder, person.version(), at, at)
                .update();
    }

    public boolean update(Person person, int expectedVersion, Instant now) {
        return jdbc.sql("""
                UPDATE person SET name = ?, position = ?, mobile = ?, office_phone = ?, employment_type = ?,
                                  remark = ?, active = ?, version = version + 1, updated_at = ?
                WHERE id = ? AND version = ?""")
                .params(person.name(), person.position(), person.mobile(), person.officePhone(),
                        person.employmentType().name(), person.remark(), person.active(),
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

    public int nextSortOrder(UUID unitId) {
        return jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM person WHERE unit_id = ?").param(unitId)
                .query(Integer.class).single();
    }

    /** People whose name contains {@code fragment}, in units below {@code scopeRoot} (anywhere when null). */
    public List<Person> search(String fragment, UUID scopeRoot, int limit) {
        String pattern = "%" + LikePatterns.escape(fragment) + "%";
        if (scopeRoot == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM person p WHERE p.name LIKE ? ESCAPE '\\' "
                    + "ORDER BY p.name LIMIT ?")
                    .params(pattern, limit)
                    .query(this::map)
                    .list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM person p JOIN unit_closure c ON c.descendant_id = p.unit_id "
                + "WHERE c.ancestor_id = ? AND p.name LIKE ? ESCAPE '\\' ORDER BY c.depth, p.name LIMIT ?")
                .params(scopeRoot, pattern, limit)
                .query(this::map)
                .list();
    }

    public long countWithin(UUID unitId) {
        return jdbc.sql("SELECT COUNT(*) FROM person p JOIN unit_closure c ON c.descendant_id = p.unit_id "
                + "WHERE c.ancestor_id = ? AND p.active = TRUE")
                .param(unitId).query(Long.class).single();
    }

    private Person map(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class), rs.getString("name"),
                rs.getString("position"), rs.getString("mobile"), rs.getString("office_phone"),
                EmploymentType.valueOf(rs.getString("employment_type")), rs.getString("remark"),
                rs.getBoolean("active"), rs.getInt("version"));
    }
}
