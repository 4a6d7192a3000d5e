package org.zhiban.organization;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhiban.shared.PersonalData;

/**
 * One column of personal data sealed under its row's id (as {@code <context><id>}), for a table that needs nothing
 * more than that sealed again on a rotation: a notice's contact, an obituary's contact phone. Table and column names
 * are the module's own constants, never input.
 */
public final class SealedColumn implements SealedPersonalData {

    private final String what;
    private final JdbcClient jdbc;
    private final PersonalData personal;
    private final String table;
    private final String column;
    private final String context;

    public SealedColumn(String what, JdbcClient jdbc, PersonalData personal, String table, String column,
            String context) {
        this.what = what;
        this.jdbc = jdbc;
        this.personal = personal;
        this.table = table;
        this.column = column;
        this.context = context;
    }

    @Override
    public String what() {
        return what;
    }

    @Override
    public long countNotSealedWith(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " IS NOT NULL AND " + column
                + " NOT LIKE ?").param(prefix + "%").query(Long.class).single();
    }

    @Override
    public Batch resealBatch(String prefix, int skip, int limit) {
        record Row(UUID id, String value) {
        }
        List<Row> rows = jdbc.sql("SELECT id, " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL AND "
                + column + " NOT LIKE ? ORDER BY id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY FOR UPDATE")
                .params(prefix + "%", skip, limit)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new Row(id, personal.openOrUnreadable(context + id, rs.getString(2)));
                })
                .list();
        int unreadable = 0;
        for (Row row : rows) {
            if (PersonalData.UNREADABLE.equals(row.value())) {
                unreadable++;
                continue;
            }
            jdbc.sql("UPDATE " + table + " SET " + column + " = ? WHERE id = ?")
                    .params(personal.seal(context + row.id(), row.value()), row.id()).update();
        }
        return new Batch(rows.size() - unreadable, unreadable);
    }

    /** The value of a row sealed for storage. */
    public String seal(UUID id, String clear) {
        return personal.seal(context + id, clear);
    }

    /** The value of a row as stored, opened; one changed by hand reads as unreadable. */
    public String open(UUID id, String stored) {
        return personal.openOrUnreadable(context + id, stored);
    }
}
