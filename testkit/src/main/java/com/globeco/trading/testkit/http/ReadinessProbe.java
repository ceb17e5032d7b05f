package com.globeco.trading.testkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Asks a readiness endpoint ({@code GET /health/ready} on localhost) as Kubernetes would, until it gives the answer a
 * test waits for. No port yet, a refused connection or a timeout is no answer: asked again.
 */
public final class ReadinessProbe {
    private static final String PATH = "/health/ready";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<OptionalInt> port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ReadinessProbe(Supplier<OptionalInt> port) {
        this.port = port;
    }

    /** Asks the port {@code port} gives at each attempt (none while the endpoint is not listening). */
    public static ReadinessProbe at(Supplier<OptionalInt> port) {
        return new ReadinessProbe(port);
    }

    /** The first answer with this HTTP status. */
    public Answer await(int status, Duration patience) {
        return await(answer -> answer.status() == status, "with status " + status, patience);
    }

    /** The first 200 that checks every one of these dependencies (their checks start with the job's operators). */
    public Answer awaitReadyChecking(Duration patience, String... dependencies) {
        List<String> wanted = List.of(dependencies);
        return await(answer -> answer.status() == 200 && answer.dependencies().containsAll(wanted), "ready, checking " + wanted, patience);
    }

    private Answer await(Predicate<Answer> wanted, String description, Duration patience) {
        Instant until = Instant.now().plus(patience);
        Answer last = null;
        while (Instant.now().isBefore(until)) {
            try {
                OptionalInt listening = port.get();
                if (listening.isPresent()) {
                    last = ask(listening.getAsInt());
                    if (wanted.test(last)) {
                        return last;
                    }
                }
            } catch (IOException noAnswer) {
                last = null;
            }
            pause();
        }
        throw new AssertionError("no readiness answer " + description + " within " + patience + "; the last: " + last);
    }

    private Answer ask(int port) throws IOException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One answer: its status and JSON body. */
    public record Answer(int status, JsonNode body) {

        /** The dependencies the answer names as down. */
        public List<String> down() {
            List<String> names = new ArrayList<>();
            body.path("down").forEach(name -> names.add(name.asText()));
            return names;
        }

        public List<String> dependencies() {
            List<String> names = new ArrayList<>();
            body.path("dependencies").fieldNames().forEachRemaining(names::add);
            return names;
        }

        public String detail(String dependency) {
            return body.path("dependencies").path(dependency).path("detail").asText();
        }
    }
}
