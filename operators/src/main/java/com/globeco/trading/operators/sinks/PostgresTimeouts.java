package com.globeco.trading.operators.sinks;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * How long a job waits on Postgres before it gives up and retries (or restarts): to connect and log in, for any answer
 * on an open connection (a hung server or a half-open connection otherwise blocks a task for ever), and for a row lock
 * (one held by an orphaned transaction). Given to the driver as URL parameters, so every path takes them: the sinks'
 * committers, the lookups, the coldpath's pool and the reconciliation's source.
 */
public record PostgresTimeouts(Duration connect, Duration socket, Duration lock) implements Serializable {
    public static final PostgresTimeouts DEFAULTS = new PostgresTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10));

    public PostgresTimeouts {
        if (connect.toSeconds() < 1 || socket.toSeconds() < 1 || lock.toMillis() < 1) {
            throw new IllegalArgumentException("Postgres timeouts of at least a second (a millisecond for locks), not " + this);
        }
    }

    /** {@code jdbcUrl} with the timeouts, the URL's own parameters kept. */
    public String appliedTo(String jdbcUrl) {
        String lockTimeout = URLEncoder.encode("-c lock_timeout=" + lock.toMillis(), StandardCharsets.UTF_8).replace("+", "%20");
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?")
                + "connectTimeout=" + connect.toSeconds()
                + "&loginTimeout=" + connect.toSeconds()
                + "&socketTimeout=" + socket.toSeconds()
                + "&tcpKeepAlive=true"
                + "&options=" + lockTimeout;
    }
}
