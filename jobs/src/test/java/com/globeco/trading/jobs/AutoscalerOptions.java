package com.globeco.trading.jobs;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The autoscaler's options the operator checks when {@code job.autoscaler.enabled} is true: its
 * {@code AutoscalerValidator} and {@code AutoScalerOptions} (release-1.15.0), with their keys, older keys and
 * defaults. Not reproduced: the Quartz cron expressions of {@code job.autoscaler.excluded.periods}.
 */
final class AutoscalerOptions {
    static final ConfigOption<Boolean> ENABLED = option("enabled").booleanType().defaultValue(false).withFallbackKeys(older("enabled"));
    private static final ConfigOption<Double> UTILIZATION_TARGET = option("utilization.target").doubleType().defaultValue(0.7)
            .withDeprecatedKeys("job.autoscaler.target.utilization").withFallbackKeys(older("utilization.target"), older("target.utilization"));

    private AutoscalerOptions() {
    }

    /** Why the operator refuses the autoscaler's settings, if it does. */
    static Optional<String> error(Configuration configuration) {
        if (!configuration.get(ENABLED)) {
            return Optional.empty();
        }
        return Stream.of(
                        range(configuration, "scale-down.max-factor", 0.6, 0.0, null),
                        range(configuration, "scale-up.max-factor", 100000.0, 0.0, null),
                        range(configuration, UTILIZATION_TARGET, 0.0, 1.0),
                        range(configuration, "target.utilization.boundary", 0.3, 0.0, null),
                        range(configuration, "utilization.max", null, targetOf(configuration), 1.0),
                        range(configuration, "utilization.min", null, 0.0, targetOf(configuration)),
                        range(configuration, "observed-scalability.coefficient-min", 0.5, 0.01, 1.0))
                .flatMap(Optional::stream).findFirst();
    }

    private static Double targetOf(Configuration configuration) {
        try {
            return configuration.get(UTILIZATION_TARGET);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static Optional<String> range(Configuration configuration, String key, Double fallback, Double min, Double max) {
        ConfigOptions.TypedConfigOptionBuilder<Double> builder = option(key).doubleType();
        ConfigOption<Double> option = (fallback == null ? builder.noDefaultValue() : builder.defaultValue(fallback)).withFallbackKeys(older(key));
        return range(configuration, option, min, max);
    }

    private static Optional<String> range(Configuration configuration, ConfigOption<Double> option, Double min, Double max) {
        try {
            Double value = configuration.get(option);
            boolean outside = value != null && (min != null && value < min || max != null && value > max);
            return outside ? Optional.of("The AutoScalerOption " + option.key() + " is invalid, it should be a value within the range ["
                    + (min == null ? "-Infinity" : min) + ", " + (max == null ? "+Infinity" : max) + "]") : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("Invalid value in the autoscaler config " + option.key());
        }
    }

    private static ConfigOptions.OptionBuilder option(String key) {
        return ConfigOptions.key("job.autoscaler." + key);
    }

    private static String older(String key) {
        return "kubernetes.operator.job.autoscaler." + key;
    }
}
