package com.globeco.trading.operators.sinks;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.util.Base64;

/**
 * Version 2: the global id. Version 1 is the XA id the JDBC connector's exactly-once sink kept (releases up to 0.1.0),
 * read as the global id Postgres gives that XA transaction ({@code formatId_gtrid_bqual}, Base64), so a savepoint of
 * that sink still commits what it prepared.
 */
public final class PreparedTransactionSerializer implements SimpleVersionedSerializer<PreparedTransaction> {
    private static final int GLOBAL_ID = 2;
    private static final int CONNECTOR_XA_ID = 1;

    @Override
    public int getVersion() {
        return GLOBAL_ID;
    }

    @Override
    public byte[] serialize(PreparedTransaction transaction) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF(transaction.gid());
        return out.getCopyOfBuffer();
    }

    @Override
    public PreparedTransaction deserialize(int version, byte[] serialized) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        return switch (version) {
            case GLOBAL_ID -> new PreparedTransaction(in.readUTF());
            case CONNECTOR_XA_ID -> new PreparedTransaction(in.readInt() + "_" + base64(in) + "_" + base64(in));
            default -> throw new IOException("unknown prepared-transaction version " + version);
        };
    }

    private static String base64(DataInputDeserializer in) throws IOException {
        byte[] bytes = new byte[in.readByte()];
        in.readFully(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
