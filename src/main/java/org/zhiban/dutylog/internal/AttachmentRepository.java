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
import org.zhiban.organization.SealedPersonalData;
import org.zhiban.shared.PersonalData;
import org.zhiban.shared.Zones;

/**
 * Attachment rows; the content is read only when a file is downloaded. The content of a file marked sensitive is
 * sealed with SM4 under its row (ADR 0024), its key version beside it.
 */
@Repository
public class AttachmentRepository implements SealedPersonalData {

    private static final String COLUMNS = "id, entry_id, file_name, content_type, size_bytes, sha256, uploaded_at, "
            + "uploaded_by, sensitive";
    private static final String CONTENT = "duty_log_attachment.content:";
    /** Files of up to 10 MB: a rotation's transaction holds a few, not hundreds. */
    private static final int FILES_PER_BATCH = 8;

    private final JdbcClient jdbc;
    private final PersonalData personal;

    AttachmentRepository(JdbcClient jdbc, PersonalData personal) {
        this.jdbc = jdbc;
        this.personal = personal;
    }

    public void insert(Attachment a, UUID unitId, byte[] content) {
        PersonalData.SealedBytes stored = a.sensitive() ? personal.sealBytes(CONTENT + a.id(), content)
                : new PersonalData.SealedBytes(null, content);
        jdbc.sql("INSERT INTO duty_log_attachment (" + COLUMNS + ", unit_id, content, sealed_with) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(a.id(), a.entryId(), a.fileName(), a.contentType(), a.size(), a.sha256(),
                        utc(a.uploadedAt().toInstant()), a.uploadedBy(), a.sensitive(), unitId, stored.bytes(),
                        stored.prefix())
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

    /** A file with its content opened; a sealed content that does not open is handed on as stored, to be refused. */
    public Optional<StoredRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + ", unit_id, content, sealed_with FROM duty_log_attachment WHERE id = ?")
                .param(id)
                .query((rs, n) -> new StoredRow(map(rs, n), rs.getObject(10, UUID.class),
                        openOrAsStored(id, rs.getString(12), rs.getBytes(11))))
                .optional();
    }

    private byte[] openOrAsStored(UUID id, String sealedWith, byte[] stored) {
        try {
            return personal.openBytes(CONTENT + id, sealedWith, stored);
        }
        catch (IllegalStateException tampered) {
            return stored;
        }
    }

    @Override
    public String what() {
        return "敏感附件";
    }

    @Override
    public long countNotSealedWith(String currentPrefix) {
        return jdbc.sql("SELECT COUNT(*) FROM duty_log_attachment WHERE sensitive = TRUE AND (sealed_with IS NULL "
                + "OR sealed_with <> ?)").param(currentPrefix).query(Long.class).single();
    }

    @Override
    public Batch resealBatch(String currentPrefix, int skip, int limit) {
        List<Object[]> files = jdbc.sql("SELECT id, content, sealed_with FROM duty_log_attachment WHERE sensitive = TRUE "
                + "AND (sealed_with IS NULL OR sealed_with <> ?) ORDER BY id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY "
                + "FOR UPDATE")
                .params(currentPrefix, skip, Math.min(limit, FILES_PER_BATCH))
                .query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3) })
                .list();
        int unreadable = 0;
        for (Object[] file : files) {
            UUID id = (UUID) file[0];
            byte[] content = openOrAsStored(id, (String) file[2], (byte[]) file[1]);
            if (content == file[1] && file[2] != null) {
                unreadable++; // changed in the database: left as it is, its download refused
                continue;
            }
            PersonalData.SealedBytes sealed = personal.sealBytes(CONTENT + id, content);
            jdbc.sql("UPDATE duty_log_attachment SET content = ?, sealed_with = ? WHERE id = ?")
                    .params(sealed.bytes(), sealed.prefix(), id).update();
        }
        return new Batch(files.size() - unreadable, unreadable);
    }

    private Attachment map(ResultSet rs, int n) throws SQLException {
        return new Attachment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getLong(5), rs.getString(6), Zones.china(instant(rs, 7)), rs.getString(8),
                rs.getBoolean(9));
    }

    public record StoredRow(Attachment attachment, UUID unitId, byte[] content) {
    }
}
