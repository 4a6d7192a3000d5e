package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.zhiban.dutylog.SearchText;

/**
 * Puts the entries written before the search index existed into it: the latest version of each entry, its text and
 * grams computed as the log book computes them for new entries.
 */
public class V17_2__IndexDutyLogForSearch extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String latest = "SELECT id, entry_id, unit_id, occurred_at, kind, caller_name, caller_unit, caller_phone, "
                + "summary, place, responsible_unit, handling, outcome FROM duty_log_entry e WHERE entry_version = "
                + "(SELECT MAX(v.entry_version) FROM duty_log_entry v WHERE v.entry_id = e.entry_id)";
        try (Statement select = context.getConnection().createStatement();
                ResultSet rs = select.executeQuery(latest);
                PreparedStatement insert = context.getConnection().prepareStatement("INSERT INTO duty_log_search "
                        + "(entry_id, row_id, unit_id, occurred_at, kind, caller, content, grams) VALUES (?,?,?,?,?,?,?,?)")) {
            while (rs.next()) {
                String content = SearchText.entry(rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getString(13), rs.getString(6), rs.getString(7));
                insert.setObject(1, rs.getObject(2));
                insert.setObject(2, rs.getObject(1));
                insert.setObject(3, rs.getObject(3));
                insert.setObject(4, rs.getObject(4));
                insert.setString(5, rs.getString(5));
                insert.setString(6, SearchText.caller(rs.getString(6), rs.getString(7)));
                insert.setString(7, content);
                insert.setString(8, SearchText.grams(content));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
