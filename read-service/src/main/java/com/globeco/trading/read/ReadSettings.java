package com.globeco.trading.read;

import com.globeco.trading.messages.KafkaClientConfig;

import java.net.URI;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service's settings: environment variables, each overridden by its command-line option. An option the service
 * does not know, or one without a value, fails the start.
 *
 * <pre>
 *   READ_SERVICE_PORT            --read-service.port            8089 (the seed's port)
 *   POSTGRES_URL                 --postgres.url                 the trade-lifecycle database (positions, audit)
 *   POSTGRES_USER                --postgres.user                globeco_reader
 *   POSTGRES_PASSWORD            --postgres.password
 *   ALLOCATION_POSTGRES_URL      --allocation-postgres.url      the Allocation Service's database (execution)
 *   ALLOCATION_POSTGRES_USER     --allocation-postgres.user     globeco_reader
 *   ALLOCATION_POSTGRES_PASSWORD --allocation-postgres.password
 *   KAFKA_BOOTSTRAP_SERVERS      --kafka.bootstrap-servers      none: POST /api/v1/executions answers 503
 *   KAFKA_CLIENT_CONFIG          --kafka.client-config          a properties file; KAFKA_CLIENT_* variables win
 *   POSTED_EXECUTIONS_TOPIC      --allocation.posted-executions-topic  allocation-executions
 *   ALLOCATION_BUSINESS_ZONE     --allocation.business-zone     America/New_York (the allocation job's)
 *   DISPATCHER_URL               --dispatcher.url               http://portfolio-accounting-dispatcher:8091
 * </pre>
 */
public record ReadSettings(int port, DatabaseSettings positions, DatabaseSettings allocation, PostSettings posting, URI dispatcher) {
    public static final int DEFAULT_PORT = 8089;
    public static final URI DEFAULT_DISPATCHER = URI.create("http://portfolio-accounting-dispatcher:8091");
    public static final String READER_ROLE = "globeco_reader";

    private enum Setting {
        PORT("READ_SERVICE_PORT", "--read-service.port", String.valueOf(DEFAULT_PORT)),
        POSTGRES_URL("POSTGRES_URL", "--postgres.url", null),
        POSTGRES_USER("POSTGRES_USER", "--postgres.user", READER_ROLE),
        POSTGRES_PASSWORD("POSTGRES_PASSWORD", "--postgres.password", ""),
        ALLOCATION_URL("ALLOCATION_POSTGRES_URL", "--allocation-postgres.url", null),
        ALLOCATION_USER("ALLOCATION_POSTGRES_USER", "--allocation-postgres.user", READER_ROLE),
        ALLOCATION_PASSWORD("ALLOCATION_POSTGRES_PASSWORD", "--allocation-postgres.password", ""),
        KAFKA_BOOTSTRAP_SERVERS("KAFKA_BOOTSTRAP_SERVERS", "--kafka.bootstrap-servers", null),
        KAFKA_CLIENT_CONFIG("KAFKA_CLIENT_CONFIG", "--" + KafkaClientConfig.FILE_OPTION, null),
        POSTED_EXECUTIONS_TOPIC("POSTED_EXECUTIONS_TOPIC", "--allocation.posted-executions-topic", PostSettings.DEFAULT_TOPIC),
        BUSINESS_ZONE("ALLOCATION_BUSINESS_ZONE", "--allocation.business-zone", PostSettings.DEFAULT_BUSINESS_ZONE.getId()),
        DISPATCHER_URL("DISPATCHER_URL", "--dispatcher.url", DEFAULT_DISPATCHER.toString());

        final String variable;
        final String option;
        final String fallback;

        Setting(String variable, String option, String fallback) {
            this.variable = variable;
            this.option = option;
            this.fallback = fallback;
        }
    }

    public ReadSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }

    /** The databases only: no Kafka (posts answer 503), the default dispatcher. */
    public ReadSettings(int port, DatabaseSettings positions, DatabaseSettings allocation) {
        this(port, positions, allocation, PostSettings.unconfigured(), DEFAULT_DISPATCHER);
    }

    public static ReadSettings from(Map<String, String> environment, String... args) {
        Map<Setting, String> values = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            String fromEnvironment = environment.get(setting.variable);
            values.put(setting, fromEnvironment != null ? fromEnvironment : setting.fallback);
        }
        values.putAll(options(List.of(args)));
        return new ReadSettings(port(values.get(Setting.PORT)),
                new DatabaseSettings(required(values, Setting.POSTGRES_URL), values.get(Setting.POSTGRES_USER), values.get(Setting.POSTGRES_PASSWORD)),
                new DatabaseSettings(required(values, Setting.ALLOCATION_URL), values.get(Setting.ALLOCATION_USER), values.get(Setting.ALLOCATION_PASSWORD)),
                new PostSettings(Optional.ofNullable(values.get(Setting.KAFKA_BOOTSTRAP_SERVERS)),
                        KafkaClientConfig.load(values.get(Setting.KAFKA_CLIENT_CONFIG), environment),
                        values.get(Setting.POSTED_EXECUTIONS_TOPIC), zone(values.get(Setting.BUSINESS_ZONE))),
                uri(values.get(Setting.DISPATCHER_URL)));
    }

    /** The same settings on another port (0: any free one). */
    public ReadSettings onPort(int otherPort) {
        return new ReadSettings(otherPort, positions, allocation, posting, dispatcher);
    }

    public ReadSettings withPosting(PostSettings otherPosting) {
        return new ReadSettings(port, positions, allocation, otherPosting, dispatcher);
    }

    public ReadSettings withDispatcher(URI otherDispatcher) {
        return new ReadSettings(port, positions, allocation, posting, otherDispatcher);
    }

    private static Map<Setting, String> options(List<String> args) {
        Map<Setting, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            Setting setting = byOption(args.get(i));
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(args.get(i) + " needs a value");
            }
            options.put(setting, args.get(i + 1));
        }
        return options;
    }

    private static Setting byOption(String option) {
        for (Setting setting : Setting.values()) {
            if (setting.option.equals(option)) {
                return setting;
            }
        }
        throw new IllegalArgumentException("unknown option " + option);
    }

    private static String required(Map<Setting, String> values, Setting setting) {
        String value = values.get(setting);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting.variable + " (or " + setting.option + ") is required");
        }
        return value;
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("ALLOCATION_BUSINESS_ZONE must be a time zone id, got " + value, e);
        }
    }

    private static URI uri(String value) {
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("DISPATCHER_URL must be an http(s) URL, got " + value);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("DISPATCHER_URL must be a URL, got " + value, e);
        }
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("READ_SERVICE_PORT must be a number, got " + value, e);
        }
    }
}
