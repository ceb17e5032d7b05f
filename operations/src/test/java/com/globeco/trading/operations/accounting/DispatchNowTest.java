package com.globeco.trading.operations.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A pass asked for over HTTP beside the dispatcher's own polling: each file goes to the CLI once. */
class DispatchNowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path directory;
    private DispatchControl control;

    @AfterEach
    void stop() {
        if (control != null) {
            control.close();
        }
    }

    @Test
    void passesAskedForWhileTheDispatcherPollsSendEachFileOnce() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int file = 0; file < 12; file++) {
            files.add(Files.writeString(directory.resolve("allocations-n-" + file + ".csv"), "header\n"));
        }
        AccountingFileDispatcher dispatcher = dispatcher("echo \"$1\" >> " + runs() + "; sleep 0.05");
        control = new DispatchControl(dispatcher, new DispatcherMetrics()).serve(0);

        List<String> sentByPolling = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> polling = CompletableFuture.runAsync(() -> IntStream.range(0, 20).forEach(pass -> {
            pollOnce(dispatcher).forEach(result -> sentByPolling.add(result.file().getFileName().toString()));
            pause(20);
        }));
        List<String> sentOnRequest = new ArrayList<>();
        while (!polling.isDone()) {
            HttpResponse<String> answer = post("/dispatch");
            assertThat(answer.statusCode()).isIn(200, 409);
            JSON.readTree(answer.body()).path("files").forEach(file -> sentOnRequest.add(file.path("file").asText()));
            pause(10);
        }
        polling.join();

        List<String> sent = new ArrayList<>(sentByPolling);
        sent.addAll(sentOnRequest);
        assertThat(sent).as("each file handed over once, by one pass or the other")
                .containsExactlyInAnyOrderElementsOf(files.stream().map(file -> file.getFileName().toString()).toList());
        assertThat(Files.readAllLines(runs())).as("each file ran once").hasSize(files.size()).doesNotHaveDuplicates();
        assertThat(files).allSatisfy(file -> assertThat(AccountingFileDispatcher.marker(file)).exists());
        JsonNode after = JSON.readTree(post("/dispatch").body());
        assertThat(after.path("status").asText()).isEqualTo("nothing-to-send");
        assertThat(after.path("files")).isEmpty();
    }

    @Test
    void aPassAskedForWhileAnotherRunsIsBusyAndSendsNothing() throws Exception {
        Files.writeString(directory.resolve("allocations-b-0.csv"), "header\n");
        AccountingFileDispatcher dispatcher = dispatcher("echo \"$1\" >> " + runs() + "; sleep 1");
        control = new DispatchControl(dispatcher, new DispatcherMetrics()).serve(0);

        CompletableFuture<Void> polling = CompletableFuture.runAsync(() -> pollOnce(dispatcher));
        while (!Files.exists(runs())) {
            Thread.sleep(10);
        }
        HttpResponse<String> busy = post("/dispatch");
        polling.join();

        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(busy.body()).path("status").asText()).isEqualTo("busy");
        assertThat(Files.readAllLines(runs())).hasSize(1);
    }

    @Test
    void aFileTheCliFailsIsReportedAndAskingAgainTriesItAtOnce() throws Exception {
        Files.writeString(directory.resolve("allocations-f-0.csv"), "header\n");
        AccountingFileDispatcher dispatcher = dispatcher("echo \"$1\" >> " + runs() + "; echo down; exit 3");
        control = new DispatchControl(dispatcher, new DispatcherMetrics()).serve(0);

        HttpResponse<String> first = post("/dispatch");
        HttpResponse<String> second = post("/dispatch");

        assertThat(first.statusCode()).isEqualTo(502);
        JsonNode answer = JSON.readTree(first.body());
        assertThat(answer.path("status").asText()).isEqualTo("failed");
        assertThat(answer.path("files").get(0).path("file").asText()).isEqualTo("allocations-f-0.csv");
        assertThat(answer.path("files").get(0).path("detail").asText()).isEqualTo("exit 3: down");
        assertThat(second.statusCode()).as("not held back by the retry pause").isEqualTo(502);
        assertThat(Files.readAllLines(runs())).hasSize(2);
        assertThat(dispatcher.dispatchPending()).as("the poll keeps its pause").isEmpty();
    }

    @Test
    void onlyPostAsksForAPass() throws Exception {
        control = new DispatchControl(dispatcher("true"), new DispatcherMetrics()).serve(0);

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri("/dispatch")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    private AccountingFileDispatcher dispatcher(String script) {
        return new AccountingFileDispatcher(directory, List.of("sh", "-c", script, "sh", "{file}"), Duration.ofSeconds(30),
                Duration.ofMinutes(5), Clock.systemUTC());
    }

    private Path runs() {
        return directory.resolve("runs.log");
    }

    private static List<AccountingFileDispatcher.Result> pollOnce(AccountingFileDispatcher dispatcher) {
        try {
            return dispatcher.dispatchPending();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + control.port() + path);
    }
}
