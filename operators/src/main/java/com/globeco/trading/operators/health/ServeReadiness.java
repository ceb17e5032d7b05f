package com.globeco.trading.operators.health;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;

/**
 * Passes every record on unchanged; while a subtask of it runs, its TaskManager serves the job's readiness
 * ({@link TaskManagerReadiness}). Placed right after a job's source, with the source's parallelism, so it runs
 * in every slot the job has, hence on every TaskManager.
 */
public final class ServeReadiness<T> extends RichMapFunction<T, T> implements ResultTypeQueryable<T> {
    private final ReadinessSettings settings;
    private final TypeInformation<T> type;
    private transient boolean joined;

    public ServeReadiness(ReadinessSettings settings, TypeInformation<T> type) {
        this.settings = settings;
        this.type = type;
    }

    @Override
    public void open(OpenContext context) {
        TaskManagerReadiness.join(settings);
        joined = true;
    }

    @Override
    public T map(T record) {
        return record;
    }

    @Override
    public void close() {
        if (joined) {
            joined = false;
            TaskManagerReadiness.leave();
        }
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return type;
    }
}
