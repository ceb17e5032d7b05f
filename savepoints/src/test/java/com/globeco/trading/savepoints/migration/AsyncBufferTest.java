package com.globeco.trading.savepoints.migration;

import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeEvent;
import com.globeco.trading.positions.TradeType;
import com.globeco.trading.savepoints.ConfirmationSavepoint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.OperatorTransformation;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.api.SavepointWriter;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.runtime.streamrecord.StreamElement;
import org.apache.flink.streaming.runtime.streamrecord.StreamElementSerializer;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Trades an async stage of release 0.1.0 had in flight come out of the migration in today's types, with the
 * timestamps they were read with: the golden savepoints were taken quiet, so this writes a 0.1.0 buffer that is not.
 */
class AsyncBufferTest {
    private static final String UID = TradeHotpathJob.Uid.GENERATE_CONTRACTS;

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 2);

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
    Path directory;

    @Test
    void inFlightTradesOf010AreCarriedInTodaysTypesWithTheirTimestamps() throws Exception {
        String old = directory.resolve("of-0.1.0").toUri().toString();
        String migrated = directory.resolve("migrated").toUri().toString();
        writeInFlight(old, List.of(
                new StreamRecord<>(new TradeEvent("T-1", "ACC-1:IBM:USD", TradeType.NEW_TRADE, BigDecimal.TEN, BigDecimal.ONE, "2026-11-17",
                        "2026-11-17T10:15:30Z", null, "c-1", null, "u"), 1_000L),
                new StreamRecord<>(new TradeEvent("T-2", "ACC-1:IBM:USD", TradeType.INCREASE, BigDecimal.ONE, BigDecimal.ONE, "2026-11-18",
                        null, "C-9", "c-2", "cause", null), 2_000L)));

        StreamExecutionEnvironment env = ConfirmationSavepoint.writerEnvironment(TestFlink.configuration());
        SavepointReader reader = SavepointReader.read(env, old, new EmbeddedRocksDBStateBackend());
        SavepointWriter writer = SavepointWriter.fromExistingSavepoint(env, old, new EmbeddedRocksDBStateBackend());
        new AsyncBuffer<>(UID, TradeEvent.class, Trade.class, From010::trade).migrate(reader, writer, Savepoint.at(old));
        writer.write(migrated);
        env.execute("migrate an in-flight buffer");

        assertThat(inFlight(migrated)).extracting(record -> record.getValue().tradeId(), record -> record.getValue().effectiveDate(),
                        record -> record.getValue().occurredAt(), StreamRecord::getTimestamp)
                .containsExactlyInAnyOrder(tuple("T-1", LocalDate.parse("2026-11-17"), Instant.parse("2026-11-17T10:15:30Z"), 1_000L),
                        tuple("T-2", LocalDate.parse("2026-11-18"), null, 2_000L));
    }

    private static void writeInFlight(String path, List<StreamRecord<TradeEvent>> records) throws Exception {
        StreamExecutionEnvironment env = ConfirmationSavepoint.writerEnvironment(TestFlink.configuration());
        TypeSerializer<TradeEvent> legacy = AsyncBuffer.serializer(TradeEvent.class);
        List<InFlight> elements = new ArrayList<>();
        for (StreamRecord<TradeEvent> record : records) {
            elements.add(InFlight.of(record, legacy));
        }
        SavepointWriter.newSavepoint(env, new EmbeddedRocksDBStateBackend(), 128)
                .withOperator(OperatorIdentifier.forUid(UID), OperatorTransformation.bootstrapWith(env.fromData(elements, TypeInformation.of(InFlight.class)))
                        .transform(new AsyncBuffer.Written<>(legacy)))
                .write(path);
        env.execute("write a 0.1.0 in-flight buffer");
    }

    @SuppressWarnings("unchecked")
    private static List<StreamRecord<Trade>> inFlight(String path) throws Exception {
        StreamExecutionEnvironment env = ConfirmationSavepoint.readerEnvironment(TestFlink.configuration());
        TypeSerializer<Trade> today = AsyncBuffer.serializer(Trade.class);
        List<StreamRecord<Trade>> read = new ArrayList<>();
        try (CloseableIterator<StreamElement> elements = SavepointReader.read(env, path, new EmbeddedRocksDBStateBackend())
                .readListState(OperatorIdentifier.forUid(UID), AsyncBuffer.STATE, new Elements(today), new StreamElementSerializer<>(today))
                .executeAndCollect("read the migrated buffer")) {
            elements.forEachRemaining(element -> read.add((StreamRecord<Trade>) (StreamRecord<?>) element.asRecord()));
        }
        return read;
    }
}
