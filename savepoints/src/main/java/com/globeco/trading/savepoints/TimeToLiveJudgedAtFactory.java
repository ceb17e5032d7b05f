package com.globeco.trading.savepoints;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.state.StateBackendFactory;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackendFactory;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code state.backend.type: com.globeco.trading.savepoints.TimeToLiveJudgedAtFactory} with
 * {@code globeco.state.ttl-judged-at: <ISO instant>}: the deployed RocksDB backend, configured as usual, with
 * every time-to-live judged at that instant ({@link TimeToLiveJudgedAt}). For restoring a job as if at another time.
 */
public final class TimeToLiveJudgedAtFactory implements StateBackendFactory<TimeToLiveJudgedAt> {
    public static final ConfigOption<String> JUDGED_AT = ConfigOptions.key("globeco.state.ttl-judged-at").stringType().noDefaultValue()
            .withDescription("The instant, ISO-8601, at which the state's time-to-live is judged instead of the wall clock.");

    /** The configuration with its state backend judging time-to-live at {@code instant}. */
    public static Configuration judgingAt(Configuration configuration, Instant instant) {
        Configuration judging = new Configuration(configuration);
        judging.set(StateBackendOptions.STATE_BACKEND, TimeToLiveJudgedAtFactory.class.getName());
        judging.set(JUDGED_AT, instant.toString());
        return judging;
    }

    @Override
    public TimeToLiveJudgedAt createFromConfig(ReadableConfig config, ClassLoader classLoader) {
        String instant = config.getOptional(JUDGED_AT).orElseThrow(() ->
                new IllegalConfigurationException(JUDGED_AT.key() + " is required by " + TimeToLiveJudgedAtFactory.class.getSimpleName()));
        try {
            return new TimeToLiveJudgedAt(new EmbeddedRocksDBStateBackendFactory().createFromConfig(config, classLoader), Instant.parse(instant));
        } catch (DateTimeParseException e) {
            throw new IllegalConfigurationException(JUDGED_AT.key() + " is not an ISO-8601 instant: " + instant, e);
        }
    }
}
