package com.globeco.trading.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.operations.accounting.AccountingFileDispatcher;
import com.globeco.trading.operations.accounting.DispatchControl;
import com.globeco.trading.operations.accounting.DispatcherMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/executions/send} in front of the real Portfolio Accounting dispatcher and its control endpoint,
 * with a CLI script that logs each run: each file is sent once however often /send is asked, beside the dispatcher's
 * own polling; busy 409, a failed file 502, a dispatcher that cannot be reached 503. The service never sends itself.
 */
class SendNowTest {
    private static final String SEND = "/api/v1/executions/send";
    @TempDir
    Path directory;
    private DispatchControl control;
    private Running service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (control != null) {
            control.close();
        }
    }

    @Test
    void sendHandsEachFileToTheCliOnceAndThenHasNothingToSend() throws Exception {
        List<String> files = accountingFiles("s", 3);
        Http http = serviceBefore(dispatcher("echo \"$1\" >> " + runs()));

        HttpResponse<String> first = http.send("POST", SEND);
        HttpResponse<String> second = http.send("POST", SEND);

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode sent = Http.json(first);
        assertThat(sent.path("status").asText()).isEqualTo("sent");
        assertThat(sent.path("files")).hasSize(3).allSatisfy(file -> {
            assertThat(file.path("sent").booleanValue()).isTrue();
            assertThat(file.path("rejectedLines").intValue()).isZero();
        });
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(Http.json(second).path("status").asText()).isEqualTo("nothing-to-send");
        assertThat(Http.json(second).path("files")).isEmpty();
        assertThat(runFiles()).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void concurrentSendsBesideTheDispatchersPollingSendEachFileOnce() throws Exception {
        List<String> files = accountingFiles("c", 10);
        AccountingFileDispatcher dispatcher = dispatcher("echo \"$1\" >> " + runs() + "; sleep 0.05");
        Http http = serviceBefore(dispatcher);

        CompletableFuture<Void> polling = CompletableFuture.runAsync(() -> IntStream.range(0, 10).forEach(pass -> pollOnce(dispatcher)));
        List<String> answered = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> sends = IntStream.range(0, 4).mapToObj(client -> CompletableFuture.runAsync(() -> {
            for (int ask = 0; ask < 5; ask++) {
                HttpResponse<String> answer = http.send("POST", SEND);
                answered.add(answer.statusCode() + " " + Http.json(answer).path("status").asText());
            }
        })).toList();
        sends.forEach(CompletableFuture::join);
        polling.join();
        pollOnce(dispatcher);

        assertThat(answered).allMatch(answer -> answer.equals("200 sent") || answer.equals("200 nothing-to-send") || answer.equals("409 busy"));
        assertThat(runFiles()).as("each file ran once").containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void aSendWhileAPassRunsIsBusy() throws Exception {
        accountingFiles("b", 1);
        AccountingFileDispatcher dispatcher = dispatcher("echo \"$1\" >> " + runs() + "; sleep 1");
        Http http = serviceBefore(dispatcher);

        CompletableFuture<Void> polling = CompletableFuture.runAsync(() -> pollOnce(dispatcher));
        while (!Files.exists(runs())) {
            Thread.sleep(10);
        }
        HttpResponse<String> busy = http.send("POST", SEND);
        polling.join();

        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(Http.json(busy).path("status").asText()).isEqualTo("busy");
        assertThat(Http.json(busy).path("message").asText()).isNotEmpty();
        assertThat(runFiles()).hasSize(1);
    }

    @Test
    void aFileTheCliFailsAnswers502AndIsTriedAgainOnTheNextSend() throws Exception {
        accountingFiles("f", 1);
        Http http = serviceBefore(dispatcher("echo \"$1\" >> " + runs() + "; echo down; exit 3"));

        HttpResponse<String> failed = http.send("POST", SEND);
        HttpResponse<String> again = http.send("POST", SEND);

        assertThat(failed.statusCode()).isEqualTo(502);
        JsonNode answer = Http.json(failed);
        assertThat(answer.path("status").asText()).isEqualTo("failed");
        assertThat(answer.path("files").get(0).path("file").asText()).isEqualTo("allocations-f-0.csv");
        assertThat(answer.path("files").get(0).path("sent").booleanValue()).isFalse();
        assertThat(answer.path("files").get(0).path("detail").asText()).isEqualTo("exit 3: down");
        assertThat(again.statusCode()).isEqualTo(502);
        assertThat(runFiles()).hasSize(2);
    }

    @Test
    void aDispatcherThatCannotBeReachedAnswers503() {
        service = ReadService.start(ReaderSettings.unreachable().withDispatcher(URI.create("http://127.0.0.1:" + freePort())), TestClocks.FIXED);

        HttpResponse<String> answer = new Http(service.port()).send("POST", SEND);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        ErrorBodies.assertError(answer, 503);
        assertThat(Http.json(answer).path("message").asText()).contains("dispatcher cannot be reached");
    }

    private Http serviceBefore(AccountingFileDispatcher dispatcher) throws IOException {
        control = new DispatchControl(dispatcher, new DispatcherMetrics()).serve(0);
        service = ReadService.start(ReaderSettings.unreachable().withDispatcher(URI.create("http://127.0.0.1:" + control.port())), TestClocks.FIXED);
        return new Http(service.port());
    }

    private AccountingFileDispatcher dispatcher(String script) {
        return new AccountingFileDispatcher(directory, List.of("sh", "-c", script, "sh", "{file}"), Duration.ofSeconds(30),
                Duration.ofMinutes(5), Clock.systemUTC());
    }

    private List<String> accountingFiles(String prefix, int count) throws IOException {
        List<String> names = new ArrayList<>();
        for (int file = 0; file < count; file++) {
            Path path = Files.writeString(directory.resolve("allocations-" + prefix + "-" + file + ".csv"),
                    "portfolio_id,security_id,source_id,transaction_type,quantity,price,transaction_date\n");
            names.add(path.getFileName().toString());
        }
        return names;
    }

    private Path runs() {
        return directory.resolve("runs.log");
    }

    private List<String> runFiles() throws IOException {
        return Files.exists(runs()) ? Files.readAllLines(runs()).stream().map(run -> Path.of(run).getFileName().toString()).toList() : List.of();
    }

    private static void pollOnce(AccountingFileDispatcher dispatcher) {
        try {
            dispatcher.dispatchPending();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
