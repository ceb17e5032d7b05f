package com.globeco.trading.operators.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.compliance.Lei;
import com.globeco.trading.reconciliation.RepositoryHolding;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The Trade Repository's positions of our reporting entity ({@code GET /api/v1/positions?reportingEntity=<LEI>}): what a
 * reconciliation run compares our positions with. A failure to get them is an exception with the reason; the run then
 * records that it could not compare.
 */
public final class RepositoryPositions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RepositoryPositions() {}

    public static List<RepositoryHolding> fetch(URI repository, Lei reportingEntity) throws IOException, InterruptedException {
        URI uri = repository.resolve("/api/v1/positions?reportingEntity=" + URLEncoder.encode(reportingEntity.value(), StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the Trade Repository answered HTTP " + response.statusCode() + " to " + uri);
        }
        return holdings(JSON.readTree(response.body()));
    }

    static List<RepositoryHolding> holdings(JsonNode body) throws IOException {
        JsonNode positions = body.path("positions");
        if (!positions.isArray()) {
            throw new IOException("the Trade Repository's answer has no positions array");
        }
        List<RepositoryHolding> holdings = new ArrayList<>();
        for (JsonNode position : positions) {
            try {
                JsonNode latest = position.path("latestEffectiveDate");
                holdings.add(new RepositoryHolding(position.path("positionKey").asText(), new BigDecimal(position.path("netQuantity").asText()),
                        position.path("liveTrades").asInt(), latest.isTextual() ? LocalDate.parse(latest.asText()) : null));
            } catch (RuntimeException unreadable) {
                throw new IOException("an unreadable position in the Trade Repository's answer: " + position, unreadable);
            }
        }
        return holdings;
    }
}
