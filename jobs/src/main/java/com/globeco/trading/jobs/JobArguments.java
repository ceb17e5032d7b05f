package com.globeco.trading.jobs;

import com.globeco.trading.compliance.Lei;
import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.messages.KafkaClientConfig;
import com.globeco.trading.operators.sinks.KafkaSettings;
import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.operators.sinks.PostgresTimeouts;
import org.apache.flink.util.ParameterTool;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A job's settings: {@code --name value} arguments, else environment variables (upper snake case:
 * {@code a.b-c} is {@code A_B_C}), else defaults. An argument no setting asked for is a mistake (a typo in a
 * manifest), refused by {@link #read} with the names the job knows.
 */
record JobArguments(ParameterTool arguments, Set<String> known) {

    static JobArguments of(String... args) {
        return new JobArguments(ParameterTool.fromArgs(args), new TreeSet<>());
    }

    /**
     * The options {@code reader} makes of these settings.
     *
     * @throws IllegalArgumentException when an argument was given that {@code reader} did not ask for
     */
    <T> T read(Function<JobArguments, T> reader) {
        T options = reader.apply(this);
        Set<String> unknown = new TreeSet<>(arguments.toMap().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown arguments " + unknown + "; this job knows " + known);
        }
        return options;
    }

    /** The environment variables of the settings asked for so far. */
    Set<String> variables() {
        return known.stream().map(JobArguments::variable).collect(Collectors.toCollection(TreeSet::new));
    }

    KafkaSettings kafka() {
        return new KafkaSettings(get("kafka.bootstrap-servers", "globeco-execution-service-kafka:9092"),
                KafkaClientConfig.load(get(KafkaClientConfig.FILE_OPTION, ""), System.getenv()),
                Duration.parse(get("kafka.transaction-timeout", KafkaSettings.DEFAULT_TRANSACTION_TIMEOUT.toString())));
    }

    PostgresSettings postgres(String defaultUrl) {
        PostgresTimeouts defaults = PostgresTimeouts.DEFAULTS;
        PostgresTimeouts timeouts = new PostgresTimeouts(
                Duration.parse(get("postgres.connect-timeout", defaults.connect().toString())),
                Duration.parse(get("postgres.socket-timeout", defaults.socket().toString())),
                Duration.parse(get("postgres.lock-timeout", defaults.lock().toString())));
        return new PostgresSettings(get("postgres.url", defaultUrl), get("postgres.user", "postgres"), get("postgres.password", ""), timeouts);
    }

    /**
     * A yes-or-no setting: {@code true} or {@code false}, nothing else.
     *
     * @throws IllegalArgumentException for any other value, e.g. a typo that would otherwise read as false
     */
    /** The reporting entity's identifiers: its LEI (every UTI's prefix) and its CFTC namespace (every USI's). */
    TradeIdentifiers tradeIdentifiers() {
        return new TradeIdentifiers(new Lei(get("reporting.lei", TradeIdentifiers.EXAMPLE_LEI)),
                get("reporting.usi-namespace", TradeIdentifiers.EXAMPLE_USI_NAMESPACE));
    }

    boolean flag(String name, boolean fallback) {
        String value = get(name, String.valueOf(fallback));
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(name + " is true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    String get(String name, String fallback) {
        known.add(name);
        if (arguments.has(name)) {
            return arguments.get(name);
        }
        return System.getenv().getOrDefault(variable(name), fallback);
    }

    private static String variable(String name) {
        return name.toUpperCase().replace('.', '_').replace('-', '_');
    }
}
