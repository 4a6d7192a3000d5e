package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Audit records are numbered by a sequence when written and chained afterwards by the sealer (ADR 0016): the chain
 * position becomes its own column, and a record may wait for its hash a moment. The records already chained keep
 * their numbers as positions; the sequence continues after the highest.
 */
public class V20__SealAuditAfterCommit extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            long next;
            try (ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_record")) {
                rs.next();
                next = rs.getLong(1);
            }
            statement.execute("CREATE SEQUENCE audit_record_seq START WITH " + next);
            statement.execute("ALTER TABLE audit_record ADD COLUMN chain_seq BIGINT");
            statement.execute("UPDATE audit_record SET chain_seq = seq");
            statement.execute("CREATE UNIQUE INDEX audit_record_chain_idx ON audit_record (chain_seq)");
            statement.execute("ALTER TABLE audit_record ALTER COLUMN prev_hash DROP NOT NULL");
            statement.execute("ALTER TABLE audit_record ALTER COLUMN hash DROP NOT NULL");
        }
    }
}
