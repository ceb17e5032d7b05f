package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.AllocationJob;
import com.globeco.trading.jobs.BackdatedColdpathJob;
import com.globeco.trading.jobs.FillConfirmationJob;
import com.globeco.trading.jobs.RegulatoryReportingJob;
import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each stateful job's keyed state in a savepoint or retained checkpoint, as JSON lines (one a key,
 * sorted), read through the job's own state descriptors and operator UIDs: the golden exports, and
 * what {@code ./platform state inspect} prints.
 */
public enum JobState {
    TRADE_HOTPATH(TradeHotpathJob.NAME, TradeHotpathJob.Uid.KEEP_POSITIONS, Types.STRING, new PositionRows()),
    FILL_CONFIRMATION(FillConfirmationJob.NAME, FillConfirmationJob.CONFIRM_UID, Types.LONG,
            new ExecutionRows(ConfirmationSettings.defaults(null).ledgerTtl())),
    ALLOCATION(AllocationJob.NAME, AllocationJob.ALLOCATE_UID, Types.LONG, new AllocationRows(AllocationJob.ALLOCATION_MEMORY)),
    BACKDATED_COLDPATH(BackdatedColdpathJob.NAME, BackdatedColdpathJob.Uid.COALESCE_REPLAYS, Types.STRING, new PendingReplayRows()),
    REGULATORY_REPORTING(RegulatoryReportingJob.NAME, RegulatoryReportingJob.Uid.PREPARE_REPORTS, Types.STRING, new ReportRows());

    private final String job;
    private final String uid;
    private final TypeInformation<?> keyType;
    private final KeyedStateReaderFunction<?, String> rows;

    JobState(String job, String uid, TypeInformation<?> keyType, KeyedStateReaderFunction<?, String> rows) {
        this.job = job;
        this.uid = uid;
        this.keyType = keyType;
        this.rows = rows;
    }

    public String job() {
        return job;
    }

    public static JobState of(String job) {
        return Arrays.stream(values()).filter(state -> state.job.equals(job)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no stateful job " + job + "; these have state: "
                        + Arrays.stream(values()).map(JobState::job).toList()));
    }

    /** Every key's state as a JSON line, sorted, with its time-to-live judged at {@code ttlJudgedAt}. */
    public List<String> rows(StreamExecutionEnvironment env, String path, Instant ttlJudgedAt) throws Exception {
        List<String> lines = new ArrayList<>();
        try (CloseableIterator<String> read = stream(env, path, ttlJudgedAt).executeAndCollect("read " + job + " state")) {
            read.forEachRemaining(lines::add);
        }
        lines.sort(null);
        return lines;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private DataStream<String> stream(StreamExecutionEnvironment env, String path, Instant ttlJudgedAt) throws Exception {
        return SavepointReader.read(env, path, new TimeToLiveJudgedAt(new EmbeddedRocksDBStateBackend(), ttlJudgedAt))
                .readKeyedState(OperatorIdentifier.forUid(uid), (KeyedStateReaderFunction) rows, (TypeInformation) keyType, Types.STRING);
    }
}
