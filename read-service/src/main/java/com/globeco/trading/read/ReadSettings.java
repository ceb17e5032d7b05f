package com.globeco.trading.read;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * </pre>
 */
public record ReadSettings(int port, DatabaseSettings positions, DatabaseSettings allocation) {
    public static final int DEFAULT_PORT = 8089;
    public static final String READER_ROLE = "globeco_reader";

    private enum Setting {
        PORT("READ_SERVICE_PORT", "--read-service.port", String.valueOf(DEFAULT_PORT)),
        POSTGRES_URL("POSTGRES_URL", "--postgres.url", null),
        POSTGRES_USER("POSTGRES_USER", "--postgres.user", READER_ROLE),
        POSTGRES_PASSWORD("POSTGRES_PASSWORD", "--postgres.password", ""),
        ALLOCATION_URL("ALLOCATION_POSTGRES_URL", "--allocation-postgres.url", null),
        ALLOCATION_USER("ALLOCATION_POSTGRES_USER", "--allocation-postgres.user", READER_ROLE),
        ALLOCATION_PASSWORD("ALLOCATION_POSTGRES_PASSWORD", "--allocation-postgres.password", "");

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

    public static ReadSettings from(Map<String, String> environment, String... args) {
        Map<Setting, String> values = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            String fromEnvironment = environment.get(setting.variable);
            values.put(setting, fromEnvironment != null ? fromEnvironment : setting.fallback);
        }
        values.putAll(options(List.of(args)));
        return new ReadSettings(port(values.get(Setting.PORT)),
                new DatabaseSettings(required(values, Setting.POSTGRES_URL), values.get(Setting.POSTGRES_USER), values.get(Setting.POSTGRES_PASSWORD)),
                new DatabaseSettings(required(values, Setting.ALLOCATION_URL), values.get(Setting.ALLOCATION_USER), values.get(Setting.ALLOCATION_PASSWORD)));
    }

    /** The same settings on another port (0: any free one). */
    public ReadSettings onPort(int otherPort) {
        return new ReadSettings(otherPort, positions, allocation);
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

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("READ_SERVICE_PORT must be a number, got " + value, e);
        }
    }
}
