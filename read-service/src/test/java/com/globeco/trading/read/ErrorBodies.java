package com.globeco.trading.read;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every 4xx and 5xx answer must be: the JSON error body, its status, the clock's time, no stack trace. */
final class ErrorBodies {
    private ErrorBodies() {}

    static JsonNode assertError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode body = Http.json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("message", "status", "timestamp", "details");
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("message").isTextual()).isTrue();
        assertThat(body.get("timestamp").asText()).isEqualTo(TestClocks.NOW.toString());
        assertThat(List.of(body.get("details").isNull(), body.get("details").isTextual())).contains(true);
        return body;
    }

    static JsonNode assertError(HttpResponse<String> response, int status, String message) {
        JsonNode body = assertError(response, status);
        assertThat(body.get("message").asText()).isEqualTo(message);
        return body;
    }
}
