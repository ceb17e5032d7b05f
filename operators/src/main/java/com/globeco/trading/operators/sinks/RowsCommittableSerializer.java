package com.globeco.trading.operators.sinks;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Version 3: a checkpoint's recorded rows, as batches in the order they are written, each its query and, per row, each
 * parameter's index, SQL type and value (a tagged value: text, long, int, boolean, decimal, date, timestamp, double or
 * NULL), independent of the Java classes the rows came from. Version 2 (releases whose sinks wrote every element with
 * one query) is the same without the batch count: one query and its rows, read as one batch. Version 1 is the XA id the
 * JDBC connector's exactly-once sink kept (releases up to 0.1.0), read as the global id Postgres gives that XA
 * transaction ({@code formatId_gtrid_bqual}, Base64).
 */
public final class RowsCommittableSerializer implements SimpleVersionedSerializer<RowsCommittable> {
    private static final int CONNECTOR_XA_ID = 1;
    private static final int ONE_QUERY_ROWS = 2;
    private static final int RECORDED_BATCHES = 3;
    private static final byte NULL = 0;
    private static final byte TEXT = 1;
    private static final byte LONG = 2;
    private static final byte INT = 3;
    private static final byte BOOLEAN = 4;
    private static final byte DECIMAL = 5;
    private static final byte DATE = 6;
    private static final byte TIMESTAMP = 7;
    private static final byte DOUBLE = 8;

    @Override
    public int getVersion() {
        return RECORDED_BATCHES;
    }

    @Override
    public byte[] serialize(RowsCommittable committable) throws IOException {
        if (!(committable instanceof RecordedRows checkpoint)) {
            throw new IOException("a 0.1.0 XA transaction is only ever read, never written: " + committable);
        }
        DataOutputSerializer out = new DataOutputSerializer(1024);
        out.writeInt(checkpoint.batches().size());
        for (RecordedRows.Batch batch : checkpoint.batches()) {
            writeBatch(out, batch);
        }
        return out.getCopyOfBuffer();
    }

    private static void writeBatch(DataOutputSerializer out, RecordedRows.Batch batch) throws IOException {
        writeText(out, batch.query());
        out.writeInt(batch.rows().size());
        for (List<StatementParameter> row : batch.rows()) {
            out.writeInt(row.size());
            for (StatementParameter parameter : row) {
                out.writeInt(parameter.index());
                out.writeInt(parameter.sqlType());
                writeValue(out, parameter.value());
            }
        }
    }

    @Override
    public RowsCommittable deserialize(int version, byte[] serialized) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        return switch (version) {
            case RECORDED_BATCHES -> readBatches(in);
            case ONE_QUERY_ROWS -> new RecordedRows(List.of(readBatch(in)));
            case CONNECTOR_XA_ID -> new PreparedTransaction(in.readInt() + "_" + base64(in) + "_" + base64(in));
            default -> throw new IOException("unknown committable version " + version);
        };
    }

    private static RecordedRows readBatches(DataInputDeserializer in) throws IOException {
        int count = in.readInt();
        List<RecordedRows.Batch> batches = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            batches.add(readBatch(in));
        }
        return new RecordedRows(batches);
    }

    private static RecordedRows.Batch readBatch(DataInputDeserializer in) throws IOException {
        String query = readText(in);
        int count = in.readInt();
        List<List<StatementParameter>> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            int parameters = in.readInt();
            List<StatementParameter> row = new ArrayList<>(parameters);
            for (int p = 0; p < parameters; p++) {
                int index = in.readInt();
                int sqlType = in.readInt();
                row.add(new StatementParameter(index, readValue(in), sqlType));
            }
            rows.add(List.copyOf(row));
        }
        return new RecordedRows.Batch(query, rows);
    }

    private static void writeValue(DataOutputSerializer out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String text) {
            out.writeByte(TEXT);
            writeText(out, text);
        } else if (value instanceof Long number) {
            out.writeByte(LONG);
            out.writeLong(number);
        } else if (value instanceof Integer number) {
            out.writeByte(INT);
            out.writeInt(number);
        } else if (value instanceof Boolean flag) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(flag);
        } else if (value instanceof BigDecimal decimal) {
            out.writeByte(DECIMAL);
            out.writeInt(decimal.scale());
            byte[] unscaled = decimal.unscaledValue().toByteArray();
            out.writeInt(unscaled.length);
            out.write(unscaled);
        } else if (value instanceof Timestamp timestamp) {
            out.writeByte(TIMESTAMP);
            out.writeLong(timestamp.getTime());
            out.writeInt(timestamp.getNanos());
        } else if (value instanceof Date date) {
            out.writeByte(DATE);
            out.writeLong(date.toLocalDate().toEpochDay());
        } else if (value instanceof Double number) {
            out.writeByte(DOUBLE);
            out.writeDouble(number);
        } else {
            throw new IOException("no recorded form for a " + value.getClass().getName());
        }
    }

    private static Object readValue(DataInputDeserializer in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case TEXT -> readText(in);
            case LONG -> in.readLong();
            case INT -> in.readInt();
            case BOOLEAN -> in.readBoolean();
            case DECIMAL -> {
                int scale = in.readInt();
                byte[] unscaled = new byte[in.readInt()];
                in.readFully(unscaled);
                yield new BigDecimal(new BigInteger(unscaled), scale);
            }
            case TIMESTAMP -> {
                Timestamp timestamp = new Timestamp(in.readLong());
                timestamp.setNanos(in.readInt());
                yield timestamp;
            }
            case DATE -> Date.valueOf(LocalDate.ofEpochDay(in.readLong()));
            case DOUBLE -> in.readDouble();
            default -> throw new IOException("unknown recorded value tag " + tag);
        };
    }

    private static void writeText(DataOutputSerializer out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputDeserializer in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String base64(DataInputDeserializer in) throws IOException {
        byte[] bytes = new byte[in.readByte()];
        in.readFully(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
