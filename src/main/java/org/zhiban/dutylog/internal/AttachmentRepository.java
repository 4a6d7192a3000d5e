package org.zhiban.dutylog.internal;

import static org.zhiban.shared.SqlTimes.instant;
import static org.zhiban.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.dutylog.Attachment;
import org.zhiban.shared.Zones;

/** Attachment rows; the content is read only when a file is downloaded. */
@Repository
public class AttachmentRepository {

    private static final String COLUMNS = "id, entry_id, file_name, content_type, size_bytes, sha256, uploaded_at, "
            + "uploaded_by";

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Attachment a, UUID unitId, byte[] content) {
        jdbc.sql("INSERT INTO duty_log_attachment (" + COLUMNS + ", unit_id, content) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(a.id(), a.entryId(), a.fileName(), a.contentType(), a.size(), a.sha256(),
                        utc(a.uploadedAt().toInstant()), a.uploadedBy(), unitId, content)
                .update();
    }

    public List<Attachment> ofEntry(UUID entryId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM duty_log_attachment WHERE entry_id = ? ORDER BY uploaded_at, file_name")
                .param(entryId).query(this::map).list();
    }

    /** The files of some of a unit's entries. */
    public List<Attachment> ofEntries(UUID unitId, List<UUID> entryIds) {
        List<Object> params = new ArrayList<>();
        params.add(unitId);
        params.addAll(entryIds);
        return jdbc.sql("SELECT " + COLUMNS + " FROM duty_log_attachment WHERE unit_id = ? AND entry_id IN ("
                + String.join(",", Collections.nCopies(entryIds.size(), "?")) + ") ORDER BY uploaded_at, file_name")
                .params(params).query(this::map).list();
    }

    public Optional<StoredRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + ", unit_id, content FROM duty_log_attachment WHERE id = ?").param(id)
                .query((rs, n) -> new StoredRow(map(rs, n), rs.getObject(9, UUID.class), rs.getBytes(10))).optional();
    }

    private Attachment map(ResultSet rs, int n) throws SQLException {
        return new Attachment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getLong(5), rs.getString(6), Zones.china(instant(rs, 7)), rs.getString(8));
    }

    public record StoredRow(Attachment attachment, UUID unitId, byte[] content) {
    }
}
