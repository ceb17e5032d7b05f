package com.globeco.trading.read;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded malformed requests to every route: odd path segments (percent-encoded bytes, huge numbers, dates that do not
 * exist, SQL, thousands of characters), odd parameters and every method. The service answers each with a 2xx or a
 * 4xx with its JSON reason, never a 500, never a stack trace.
 */
class FuzzNo500Test {
    private static final List<String> TEMPLATES = List.of(
            "/api/v1/executions?limit=%s&offset=%s", "/api/v1/executions?beforeId=%s&limit=%s", "/api/v1/execution/%s?x=%s",
            "/api/v1/positions/%s?asOf=%s", "/api/v1/positions/ACC-1:AAPL:USD?knownAt=%s&asOf=%s", "/api/v1/positions/%s/events?afterVersion=%s",
            "/api/v1/positions/ACC-1:AAPL:USD/events?limit=%s&afterVersion=%s", "/api/v1/positions/%s/realized-pnl?from=%s&to=2025-01-01",
            "/api/v1/positions?portfolio=%s&after=%s", "/api/v1/positions?instrument=%s&limit=%s",
            "/api/v1/audit/positions/%s/events?format=%s", "/api/v1/audit/correlations/%s/trail?format=%s",
            "/api/v1/audit/users/%s/events?from=%s&to=2026-01-02T00:00:00Z", "/api/v1/audit/events?from=%s&to=%s", "/api/v1/audit/trail?from=2026-01-01T00:00:00Z&to=%s%s",
            "/%s/%s", "/api/v1/%s?%s", "/openapi?%s=%s", "/readyz/%s%s");
    private static PositionsWorld world;

    @BeforeContainer
    static void start() {
        world = PositionsWorld.shared();
    }

    @AfterContainer
    static void forget() {
        world = null;
    }

    @Property(tries = 1500, seed = "4242")
    void noRequestAnswersAServerError(@ForAll("requests") Request request) {
        HttpResponse<String> answer = world.http().send(request.method(), request.path());

        assertThat(answer.statusCode()).as("%s %s: %s", request.method(), request.path(), answer.body()).isBetween(200, 499);
        assertThat(answer.body()).as("%s %s", request.method(), request.path()).doesNotContain("Exception").doesNotContain("\tat ");
        if (answer.statusCode() >= 400) {
            assertThat(Http.json(answer).path("message").asText()).as("%s %s", request.method(), request.path()).isNotBlank();
        }
    }

    @Property(tries = 500, seed = "4343")
    void noBatchAnswersAServerError(@ForAll("bodies") String body) {
        HttpResponse<String> answer = world.http().send("POST", "/api/v1/executions", body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).as("POST %s: %s", body, answer.body()).isIn(202, 207, 400, 413);
        assertThat(answer.body()).as("POST %s", body).doesNotContain("Exception").doesNotContain("\tat ");
    }

    record Request(String method, String path) {}

    /** Batches broken from a valid one: items of wrong types and values, truncated or deep JSON, too many items. */
    @Provide
    Arbitrary<String> bodies() {
        String item = "{\"executionServiceId\":%s,\"orderId\":1,\"isOpen\":%s,\"executionStatus\":%s,\"tradeType\":\"BUY\","
                + "\"destination\":\"ML\",\"securityId\":\"68336002fe95851f0a2aeda9\",\"ticker\":\"IBM\",\"quantity\":%s,"
                + "\"receivedTimestamp\":%s,\"sentTimestamp\":1748354367.5,\"lastFilledTimestamp\":1748354367.6,\"quantityFilled\":%s,"
                + "\"totalAmount\":190409.6,\"averagePrice\":190.4096}";
        Arbitrary<String> json = Arbitraries.of("0", "-1", "1", "2147483648", "1e400", "1.5", "\"12\"", "true", "null", "[]", "{}", "\"FULL\"",
                "\"" + "X".repeat(300) + "\"", "\"2025-05-27T13:59:27Z\"", "\"yesterday\"", "-0.00000001", "123456789012345678901234567890");
        Arbitrary<String> items = Combinators.combine(json, json, json, json, json, json).as(item::formatted);
        return Arbitraries.oneOf(
                items.list().ofMinSize(1).ofMaxSize(3).map(list -> "[" + String.join(",", list) + "]"),
                items.list().ofMinSize(1).ofMaxSize(3).map(list -> "[" + String.join(",", list)).map(text -> text.substring(0, text.length() / 2)),
                Arbitraries.integers().between(101, 150).map(count -> "[" + "{},".repeat(count - 1) + "{}]"),
                Arbitraries.integers().between(1_100, 3_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.strings().ofMaxLength(200));
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> methods = Arbitraries.of("GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
        return Combinators.combine(methods, Arbitraries.of(TEMPLATES), values(), values())
                .as((method, template, first, second) -> new Request(method, template.formatted(encoded(first), encoded(second))));
    }

    private static Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "0", "-1", "1", "1000", "1001", "2147483648", "9223372036854775808", "99999999999999999999999", "1e3",
                        "1.5", "NaN", "2024-02-30", "2025-13-01", "0000-00-00", "99999-01-01", "2026-01-01T00:00:00Z", "yesterday",
                        "ACC-1:AAPL:USD", "acc:aapl:usd", "ACC-1:AAPL", "'; DROP TABLE event_store; --", "../../etc/passwd", "csv",
                        "jsonl", "%", "%zz", "\u0000", "\t", " ", "\u00e9\u4e2d", "{}", "[]"),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(15).ofMaxLength(400),
                Arbitraries.strings().alpha().ofLength(5_000));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
