package com.globeco.trading.operators.execution;

import com.globeco.trading.testkit.http.Reply;

import java.nio.charset.StandardCharsets;

/** Answers of an Execution Service gone wrong, each with the reason it is refused for. */
public enum WrongExecutionAnswers {
    /** The case: read leniently, a quantity sent as text was 0, and the PUT wrote totals built on it. */
    QUANTITY_AS_TEXT("quantityFilled must be a number, was \"800\""),
    NO_VERSION("version is required"),
    VERSION_AS_TEXT("version must be a whole number from 1 to 2147483647, was \"1\""),
    ANOTHER_EXECUTION("id must be the execution asked for"),
    NESTED("id is required; quantity is required; quantityFilled is required; version is required"),
    FIVE_MEGABYTES("answer larger than 1048576 bytes"),
    EMPTY("empty body: an execution was expected");

    private static final int FIVE_MB = 5 * 1024 * 1024;
    private final String reason;

    WrongExecutionAnswers(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** The wrong answer to a call for execution {@code id}, with status 200. */
    public Reply reply(long id) {
        return switch (this) {
            case QUANTITY_AS_TEXT -> json(execution(id, "\"800\"", "1"));
            case NO_VERSION -> json(execution(id, "0E-8", "1").replace(",\"version\":1", ""));
            case VERSION_AS_TEXT -> json(execution(id, "0E-8", "\"1\""));
            case ANOTHER_EXECUTION -> json(execution(id + 1, "0E-8", "1"));
            case NESTED -> json("{\"execution\":" + execution(id, "0E-8", "1") + "}");
            case FIVE_MEGABYTES -> Reply.oversized(200, execution(id, "0E-8", "1"), FIVE_MB);
            case EMPTY -> Reply.empty(200);
        };
    }

    /** The execution as the real service answers a GET, but for the given quantity filled and version. */
    public static String execution(long id, String quantityFilled, String version) {
        return "{\"id\":" + id + ",\"executionStatus\":\"NEW\",\"tradeType\":\"BUY\",\"destination\":\"ML\","
                + "\"security\":{\"securityId\":\"68336002fe95851f0a2aeda9\",\"ticker\":\"IBM\"},\"quantity\":1000.00000000,"
                + "\"receivedTimestamp\":\"2025-05-27T13:59:27.509362Z\",\"quantityFilled\":" + quantityFilled
                + ",\"averagePrice\":null,\"version\":" + version + "}";
    }

    private static Reply json(String body) {
        return Reply.json(200, body.getBytes(StandardCharsets.UTF_8));
    }
}
