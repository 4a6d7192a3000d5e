package org.zhiban.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.shared.RevisionedCache;
import org.zhiban.organization.NameInitials;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;

@Repository
public class UnitRepository {

    private static final String COLUMNS = "u.id, u.parent_id, u.name, u.kind, u.level, u.duty_office_name, "
            + "u.duty_phone, u.fax, u.address, u.postcode, u.version";

    private final JdbcClient jdbc;
    /** A unit by id and whether one is within another: read by nearly every request, changed rarely (ADR 0006). */
    private final RevisionedCache<UUID, Optional<Unit>> byId;
    private final RevisionedCache<Within, Boolean> within;

    UnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.byId = new RevisionedCache<>("unit", jdbc);
        this.within = new RevisionedCache<>("unit", jdbc);
    }

    public void insert(Unit unit, int sortOrder, Instant now) {
        byId.invalidate();
        within.invalidate();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO unit (id, parent_id, name, name_initials, kind, level, duty_office_name, duty_phone,
                                  fax, address, postcode, sort_order, version, created_at, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(unit.id(), unit.parentId(), unit.name(), NameInitials.of(unit.name()), unit.kind().name(),
                        unit.level().name(), unit.dutyOfficeName(), unit.dutyPhone(), unit.fax(), unit.address(),
                        unit.postcode(), sortOrder, unit.version(), at, at)
                .update();
        // The new unit is its own ancestor at depth 0 and a descendant of each of its parent's ancestors.
        jdbc.sql("""
                INSERT INTO unit_closure (ancestor_id, descendant_id, depth)
                SELECT ancestor_id, ?, depth + 1 FROM unit_closure WHERE descendant_id = ?""")
                .params(unit.id(), unit.parentId())
                .update();
        jdbc.sql("INSERT INTO unit_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, 0)")
                .params(unit.id(), unit.id())
                .update();
    }

    /** Updates the editable fields if nobody changed the unit since {@code expectedVersion}. */
    public boolean update(Unit unit, int expectedVersion, Instant now) {
        byId.invalidate();
        return jdbc.sql("""
                UPDATE unit SET name = ?, name_initials = ?, kind = ?, level = ?, duty_office_name = ?,
                                duty_phone = ?, fax = ?, address = ?, postcode = ?, version = version + 1,
                                updated_at = ?
                WHERE id = ? AND version = ?""")
                .params(unit.name(), NameInitials.of(unit.name()), unit.kind().name(), unit.level().name(),
                        unit.dutyOfficeName(),
                        unit.dutyPhone(), unit.fax(), unit.address(), unit.postcode(),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC), unit.id(), expectedVersion)
                .update() == 1;
    }

    public Optional<Unit> findById(UUID id) {
        return byId.get(id, key -> jdbc.sql("SELECT " + COLUMNS + " FROM unit u WHERE u.id = ?").param(key)
                .query(this::map).optional());
    }

    public List<Unit> findAllById(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit u WHERE u.id IN (:ids)").param("ids", ids)
                .query(this::map).list();
    }

    public List<Unit> children(UUID parentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit u WHERE u.parent_id = ? ORDER BY u.sort_order, u.name")
                .param(parentId)
                .query(this::map)
                .list();
    }

    public List<Unit> roots() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit u WHERE u.parent_id IS NULL ORDER BY u.sort_order, u.name")
                .query(this::map)
                .list();
    }

    public int nextSortOrder(UUID parentId) {
        return parentId == null
                ? jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM unit WHERE parent_id IS NULL")
                        .query(Integer.class).single()
                : jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM unit WHERE parent_id = ?").param(parentId)
                        .query(Integer.class).single();
    }

    public boolean siblingNamed(UUID parentId, String name, UUID except) {
        String parentClause = parentId == null ? "parent_id IS NULL" : "parent_id = :parent";
        var spec = jdbc.sql("SELECT COUNT(*) FROM unit WHERE " + parentClause + " AND name = :name AND id <> :except")
                .param("name", name)
                .param("except", except == null ? new UUID(0, 0) : except);
        if (parentId != null) {
            spec = spec.param("parent", parentId);
        }
        return spec.query(Long.class).single() > 0;
    }

    /** Whether {@code descendant} is {@code ancestor} or lies below it. */
    public boolean isWithin(UUID ancestor, UUID descendant) {
        return within.get(new Within(ancestor, descendant), key -> jdbc.sql(
                "SELECT COUNT(*) FROM unit_closure WHERE ancestor_id = ? AND descendant_id = ?")
                .params(key.ancestor(), key.descendant())
                .query(Long.class)
                .single() > 0);
    }

    private record Within(UUID ancestor, UUID descendant) {
    }

    /**
     * The unit's ancestors from the top of its tree down to the unit itself, walked up through the cache: a unit's
     * parent never changes, and policies, duty staff and the live stream ask this of nearly every request and event.
     */
    public List<Unit> pathTo(UUID unitId) {
        ArrayDeque<Unit> path = new ArrayDeque<>();
        Optional<Unit> unit = findById(unitId);
        while (unit.isPresent()) {
            path.addFirst(unit.get());
            unit = unit.get().parentId() == null ? Optional.empty() : findById(unit.get().parentId());
        }
        return List.copyOf(path);
    }

    /** Every unit below one (not the unit itself), in one query over the closure table. */
    public List<Unit> below(UUID unitId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_closure c JOIN unit u ON u.id = c.descendant_id "
                + "WHERE c.ancestor_id = ? AND c.depth > 0").param(unitId).query(this::map).list();
    }

    public List<UUID> subtreeIds(UUID unitId) {
        return jdbc.sql("SELECT descendant_id FROM unit_closure WHERE ancestor_id = ?")
                .param(unitId)
                .query(UUID.class)
                .list();
    }

    public long countBelow(UUID unitId) {
        return jdbc.sql("SELECT COUNT(*) FROM unit_closure WHERE ancestor_id = ? AND depth > 0")
                .param(unitId).query(Long.class).single();
    }

    /** Units whose name contains {@code fragment}, below {@code scopeRoot} (or anywhere when it is null). */
    public List<Unit> search(String fragment, UUID scopeRoot, int limit) {
        String pattern = "%" + LikePatterns.escape(fragment) + "%";
        if (scopeRoot == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM unit u WHERE u.name LIKE ? ESCAPE '\\' "
                    + "ORDER BY u.name LIMIT ?")
                    .params(pattern, limit)
                    .query(this::map)
                    .list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit u JOIN unit_closure c ON c.descendant_id = u.id "
                + "WHERE c.ancestor_id = ? AND u.name LIKE ? ESCAPE '\\' ORDER BY c.depth, u.name LIMIT ?")
                .params(scopeRoot, pattern, limit)
                .query(this::map)
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM unit").query(Long.class).single();
    }

    /**
     * Units below {@code root} (itself included) for the directory: by a part of the name, by pinyin initials, or —
     * when {@code number} is given — by duty phone or fax; of one level when {@code level} is given.
     */
    public List<Unit> directorySearch(UUID root, String text, String initials, String number, UnitLevel level,
            int limit) {
        String matches = number != null ? "(u.duty_phone = :number OR u.fax = :number)"
                : "(u.name LIKE :pattern ESCAPE '\\'" + (initials != null ? " OR u.name_initials LIKE :initials" : "")
                        + ")";
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit u JOIN unit_closure c ON c.descendant_id = u.id "
                + "WHERE c.ancestor_id = " + PersonRepository.literal(root) + " AND " + matches + (level != null ? " AND u.level = :level" : "")
                + " ORDER BY c.depth, u.sort_order, u.name FETCH FIRST :limit ROWS ONLY")
                .param("number", number).param("pattern", "%" + LikePatterns.escape(text) + "%")
                .param("initials", initials == null ? null : "%" + initials + "%")
                .param("level", level == null ? null : level.name()).param("limit", limit)
                .query(this::map).list();
    }

    /** Rows from before V34 without their names' initials, a batch at a time. */
    public int fillNameInitials(String table, int limit) {
        List<Map.Entry<UUID, String>> rows = jdbc.sql("SELECT id, name FROM " + table + " WHERE name_initials IS NULL "
                + "FETCH FIRST ? ROWS ONLY").param(limit)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list();
        rows.forEach(row -> jdbc.sql("UPDATE " + table + " SET name_initials = ? WHERE id = ?")
                .params(NameInitials.of(row.getValue()), row.getKey()).update());
        return rows.size();
    }

    private Unit map(ResultSet rs, int row) throws SQLException {
        return new Unit(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class), rs.getString("name"),
                UnitKind.valueOf(rs.getString("kind")), UnitLevel.valueOf(rs.getString("level")),
                rs.getString("duty_office_name"), rs.getString("duty_phone"), rs.getString("fax"),
                rs.getString("address"), rs.getString("postcode"), rs.getInt("version"));
    }
}
