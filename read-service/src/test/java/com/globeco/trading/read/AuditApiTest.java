package com.globeco.trading.read;

import com.globeco.trading.schema.audit.PositionAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each audit endpoint answers what {@code ./platform audit} prints for the same query, byte for byte, as CSV and JSON lines. */
class AuditApiTest {
    @RegisterExtension
    static final PositionsWorld.Shared WORLD = new PositionsWorld.Shared();

    @Test
    void everyAuditQueryAnswersWhatTheCommandPrints() throws Exception {
        String key = WORLD.world().reconciledKeys().get(0);
        String correlation = Http.json(WORLD.world().http().get("/api/v1/positions/" + key + "/events?limit=1")).get(0)
                .path("correlationId").asText();
        Instant from = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant to = from.plus(Duration.ofDays(2));
        String period = "from=" + from + "&to=" + to;

        assertSame("/api/v1/audit/positions/" + key + "/events", List.of("position", key));
        assertSame("/api/v1/audit/positions/" + key + "/trail", List.of("trail", key));
        assertSame("/api/v1/audit/correlations/" + encoded(correlation) + "/events", List.of("correlation", correlation));
        assertSame("/api/v1/audit/correlations/" + encoded(correlation) + "/trail", List.of("trail", "--correlation", correlation));
        assertSame("/api/v1/audit/users/" + encoded("service:trade-events") + "/events?" + period,
                List.of("user", "service:trade-events", "--from", from.toString(), "--to", to.toString()));
        assertSame("/api/v1/audit/events?" + period, List.of("between", from.toString(), to.toString()));
        assertSame("/api/v1/audit/trail?" + period, List.of("trail", "--between", from.toString(), to.toString()));
    }

    @Test
    void aCsvExportIsAFileToSaveAndJsonLinesTheDefault() {
        String key = WORLD.world().reconciledKeys().get(0);

        HttpResponse<String> csv = WORLD.world().http().get("/api/v1/audit/positions/" + key + "/events?format=csv");
        HttpResponse<String> lines = WORLD.world().http().get("/api/v1/audit/positions/" + key + "/events");

        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"audit-events.csv\"");
        assertThat(lines.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(lines.body().lines()).isNotEmpty().allSatisfy(line -> assertThat(Http.json(line).path("position_key").asText()).isEqualTo(key));
    }

    @Test
    void badQueriesAreRefusedBeforeAnyRowIsWritten() {
        String key = WORLD.world().reconciledKeys().get(0);
        assertRefused("/api/v1/audit/positions/" + key + "/events?format=xml", "format is jsonl or csv");
        assertRefused("/api/v1/audit/positions/lower:case:key/trail", "ACCOUNT:INSTRUMENT:CCY");
        assertRefused("/api/v1/audit/events?from=2026-01-01T00:00:00Z", "to is required");
        assertRefused("/api/v1/audit/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "must be before to");
        assertRefused("/api/v1/audit/trail?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "at most 31 days");
        assertRefused("/api/v1/audit/users/" + "u".repeat(201) + "/events?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
                "userId must be 1 to 200 printable characters");
        assertRefused("/api/v1/audit/correlations/%09/events", "correlationId must be 1 to 200 printable characters");
    }

    private static void assertRefused(String path, String reason) {
        HttpResponse<String> answer = WORLD.world().http().get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(400);
        assertThat(Http.json(answer).path("message").asText()).as(path).contains(reason);
    }

    private static void assertSame(String path, List<String> command) {
        for (String format : List.of("csv", "jsonl")) {
            HttpResponse<String> answer = WORLD.world().http().get(path + (path.contains("?") ? "&" : "?") + "format=" + format);
            List<String> arguments = new ArrayList<>(command);
            arguments.addAll(List.of("--export", format));

            assertThat(answer.statusCode()).as("%s: %s", path, answer.body()).isEqualTo(200);
            assertThat(answer.body()).as("%s as %s", path, format).isEqualTo(printed(arguments)).isNotEmpty();
        }
    }

    private static String printed(List<String> arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PositionAudit.run(arguments, WORLD.world().auditEnvironment(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("audit %s: %s", arguments, err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
