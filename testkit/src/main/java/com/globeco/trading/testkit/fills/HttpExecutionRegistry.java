package com.globeco.trading.testkit.fills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.testkit.execution.NewExecution;

final class HttpExecutionRegistry implements ExecutionRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int NEW_EXECUTION_VERSION = 1;

    private final URI executions;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    HttpExecutionRegistry(URI baseUri) {
        this.executions = baseUri.resolve("/api/v1/executions");
    }

    @Override
    public long create(NewExecution spec) {
        HttpRequest request = HttpRequest.newBuilder(executions)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(postBody(spec)))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + executions + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return readTree(response.body()).get("id").asLong();
    }

    private static String postBody(NewExecution spec) {
        ObjectNode body = JSON.valueToTree(spec);
        body.put("version", NEW_EXECUTION_VERSION);
        return body.toString();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating an execution", e);
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
