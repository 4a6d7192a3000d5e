package org.zhiban.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows into PostgreSQL tables through {@code COPY … FROM STDIN} (text format), as a bulk import would write them:
 * several times faster than batched inserts for the hundreds of thousands of rows of the province data set. Tables are
 * named in the order their foreign keys need (parents first) and written in that order every {@code chunk} rows, each
 * copy committing on its own. Values as PostgreSQL reads them back: null as {@code \N}, instants in UTC, booleans t/f.
 */
final class PgCopy implements AutoCloseable {

    private static final int FLUSH_BYTES = 4 << 20;

    private final DataSource dataSource;
    private final int chunk;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final StringBuilder line = new StringBuilder(512);
    private int pending;
    private long copyNanos;

    PgCopy(DataSource dataSource, int chunk) {
        this.dataSource = dataSource;
        this.chunk = chunk;
    }

    /** A table and the columns its rows give, after the tables it refers to. */
    PgCopy table(String name, String columns) {
        tables.put(name, new Table(name, columns));
        return this;
    }

    void row(String table, Object... values) throws SQLException {
        Table target = tables.get(table);
        target.rows.add(values);
        target.count++;
        if (++pending >= chunk) {
            flush();
        }
    }

    long rows(String table) {
        return tables.get(table).count;
    }

    /** Time spent copying so far, the rest of a load being the making of the rows. */
    double copySeconds() {
        return copyNanos / 1e9;
    }

    @Override
    public void close() throws SQLException {
        flush();
    }

    private void flush() throws SQLException {
        long started = System.nanoTime();
        for (Table table : tables.values()) {
            if (!table.rows.isEmpty()) {
                copy(table);
                table.rows.clear();
            }
        }
        pending = 0;
        copyNanos += System.nanoTime() - started;
    }

    private void copy(Table table) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table.name + " (" + table.columns + ") FROM STDIN");
            try {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + (64 << 10));
                for (Object[] row : table.rows) {
                    buffer.writeBytes(format(row));
                    if (buffer.size() >= FLUSH_BYTES) {
                        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                        buffer.reset();
                    }
                }
                copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                copy.endCopy();
            }
            finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }

    private byte[] format(Object[] values) {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            append(values[i]);
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void append(Object value) {
        if (value == null) {
            line.append("\\N");
        }
        else if (value instanceof Boolean b) {
            line.append(b ? 't' : 'f');
        }
        else if (value instanceof Instant || value instanceof LocalDate || value instanceof Number
                || value instanceof UUID) {
            line.append(value);
        }
        else {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        }
    }

    private static final class Table {
        final String name;
        final String columns;
        final List<Object[]> rows = new ArrayList<>();
        long count;

        Table(String name, String columns) {
            this.name = name;
            this.columns = columns;
        }
    }
}
