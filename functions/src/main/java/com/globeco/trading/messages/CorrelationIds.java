package com.globeco.trading.messages;

import com.globeco.trading.fills.SourceMessage;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Correlation ids derived from a message's Kafka coordinates, so a replay after failover
 * carries the same id as the first attempt. The id doubles as the W3C trace id.
 */
public final class CorrelationIds {
    private static final java.util.regex.Pattern UUID_FORM =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CorrelationIds() {}

    public static String of(SourceMessage message) {
        return UUID.nameUUIDFromBytes(message.coordinates().getBytes(StandardCharsets.UTF_8)).toString();
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
        String traceId = (UUID_FORM.matcher(correlationId).matches() ? correlationId
                : UUID.nameUUIDFromBytes(correlationId.getBytes(StandardCharsets.UTF_8)).toString()).replace("-", "").toLowerCase();
        return "00-" + traceId + "-" + String.format("%016x", spanNumber | 1L << 62) + "-01";
    }
}
