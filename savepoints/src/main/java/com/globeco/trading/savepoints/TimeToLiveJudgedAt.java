package com.globeco.trading.savepoints;

import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.state.AsyncKeyedStateBackend;
import org.apache.flink.runtime.state.CheckpointableKeyedStateBackend;
import org.apache.flink.runtime.state.ConfigurableStateBackend;
import org.apache.flink.runtime.state.KeyedStateBackendParametersImpl;
import org.apache.flink.runtime.state.OperatorStateBackend;
import org.apache.flink.runtime.state.StateBackend;

import java.time.Instant;

/**
 * A state backend that judges every state's time-to-live at one instant instead of the wall clock: the state
 * reads as it stood at that instant, on whatever day it is read. Everything else is the wrapped backend's.
 * The golden savepoints are read and restored at the time they were taken, and {@code state inspect --as-of}
 * shows a savepoint as a job restored at that time would see it.
 */
public final class TimeToLiveJudgedAt implements ConfigurableStateBackend {
    private static final long serialVersionUID = 1L;
    private final StateBackend backend;
    private final long epochMillis;

    public TimeToLiveJudgedAt(StateBackend backend, Instant instant) {
        this(backend, instant.toEpochMilli());
    }

    private TimeToLiveJudgedAt(StateBackend backend, long epochMillis) {
        this.backend = backend;
        this.epochMillis = epochMillis;
    }

    @Override
    public String getName() {
        return backend.getName();
    }

    @Override
    public <K> CheckpointableKeyedStateBackend<K> createKeyedStateBackend(KeyedStateBackendParameters<K> parameters) throws Exception {
        return backend.createKeyedStateBackend(judgedAtTheInstant(parameters));
    }

    @Override
    public <K> AsyncKeyedStateBackend<K> createAsyncKeyedStateBackend(KeyedStateBackendParameters<K> parameters) throws Exception {
        return backend.createAsyncKeyedStateBackend(judgedAtTheInstant(parameters));
    }

    private <K> KeyedStateBackendParameters<K> judgedAtTheInstant(KeyedStateBackendParameters<K> parameters) {
        long judgedAt = epochMillis;
        return new KeyedStateBackendParametersImpl<>(parameters).setTtlTimeProvider(() -> judgedAt);
    }

    @Override
    public boolean supportsAsyncKeyedStateBackend() {
        return backend.supportsAsyncKeyedStateBackend();
    }

    @Override
    public OperatorStateBackend createOperatorStateBackend(OperatorStateBackendParameters parameters) throws Exception {
        return backend.createOperatorStateBackend(parameters);
    }

    @Override
    public boolean useManagedMemory() {
        return backend.useManagedMemory();
    }

    @Override
    public boolean supportsNoClaimRestoreMode() {
        return backend.supportsNoClaimRestoreMode();
    }

    @Override
    public boolean supportsSavepointFormat(SavepointFormatType formatType) {
        return backend.supportsSavepointFormat(formatType);
    }

    @Override
    public StateBackend configure(ReadableConfig config, ClassLoader classLoader) throws IllegalConfigurationException {
        return backend instanceof ConfigurableStateBackend configurable
                ? new TimeToLiveJudgedAt(configurable.configure(config, classLoader), epochMillis)
                : this;
    }
}
