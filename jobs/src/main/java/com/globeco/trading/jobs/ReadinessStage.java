package com.globeco.trading.jobs;

import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.operators.health.ServeReadiness;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Every job's first stage after its source: passes the records on and makes the TaskManagers running it serve the
 * job's readiness ({@link ServeReadiness}). Stateless, with a uid of its own, so savepoints taken without it restore.
 */
final class ReadinessStage {
    static final String UID = "serve-readiness";

    private ReadinessStage() {}

    static <T> SingleOutputStreamOperator<T> after(DataStream<T> source, ReadinessSettings readiness) {
        return source.map(new ServeReadiness<>(readiness, source.getType())).uid(UID).name("Serve readiness (/health/ready)");
    }
}
