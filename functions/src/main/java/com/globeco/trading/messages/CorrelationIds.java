package com.globeco.trading.messages;

import com.globeco.trading.messages.SourceMessage;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Correlation ids, which double as W3C trace ids: a message that came with a {@code traceparent} header
 * is correlated by the trace id of that header; one without, by an id derived from its Kafka coordinates,
 * so a replay after failover carries the same id as the first attempt. Every record the jobs write
 * carries its correlation id as the trace id of its own {@code traceparent} header.
 */
public final class CorrelationIds {
    private static final java.util.regex.Pattern UUID_FORM =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** version 00 (or a later one, read as 00): trace id, parent id, flags; lower-case hex as the standard writes it. */
    private static final java.util.regex.Pattern TRACEPARENT =
            java.util.regex.Pattern.compile("(?!ff)[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}(-.*)?");

    private CorrelationIds() {}

    public static String of(SourceMessage message) {
        String traced = ofTraceparent(message.traceparent());
        return traced != null ? traced : UUID.nameUUIDFromBytes(message.coordinates().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The trace id of a W3C {@code traceparent} value in the form of a UUID, or null when the value is not one. */
    public static String ofTraceparent(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        java.util.regex.Matcher header = TRACEPARENT.matcher(traceparent.trim());
        if (!header.matches() || header.group(1).chars().allMatch(digit -> digit == '0') || header.group(2).chars().allMatch(digit -> digit == '0')) {
            return null;
        }
        String id = header.group(1);
        return id.substring(0, 8) + "-" + id.substring(8, 12) + "-" + id.substring(12, 16) + "-" + id.substring(16, 20) + "-" + id.substring(20);
    }

    /** The correlation id of a trade that came without one: derived from its trade id, the same at every delivery. */
    public static String ofTrade(String tradeId) {
        return UUID.nameUUIDFromBytes(("trade/" + tradeId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * A W3C {@code traceparent} header value whose trace id is the correlation id when that is a UUID,
     * else a UUID derived from it (a trade's correlation id is whatever its producer chose).
     */
    public static String traceparent(String correlationId, long spanNumber) {
        return "00-" + traceId(correlationId) + "-" + spanId(spanNumber) + "-01";
    }

    /** A W3C span id (16 lower-case hex digits, never all zero) for a span number. */
    public static String spanId(long spanNumber) {
        return String.format("%016x", spanNumber | 1L << 62);
    }

    /** The W3C trace id (32 lower-case hex digits) of a correlation id: itself when a UUID, else a UUID derived from it. */
    public static String traceId(String correlationId) {
        return (UUID_FORM.matcher(correlationId).matches() ? correlationId
                : UUID.nameUUIDFromBytes(correlationId.getBytes(StandardCharsets.UTF_8)).toString()).replace("-", "").toLowerCase();
    }
}
