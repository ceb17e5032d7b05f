package com.globeco.trading.local;

import com.globeco.trading.operations.accounting.AccountingFileDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The local platform's read service answers over its Postgres as globeco_reader, and asks its dispatcher for a pass. */
class LocalReadServiceTest {
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path data;

    @Test
    void theReadServiceIsReadyAndAnswersTheAllocationAndPositionsApis() throws Exception {
        PlatformOptions options = PlatformOptions.from("--data-dir", data.toString(), "--simulator.port", "0", "--trade-simulator.port", "0",
                "--contract-simulator.port", "0", "--trade-repository-simulator.port", "0", "--web-ui.port", "0",
                "--read-service.port", "0", "--dispatcher.port", "0");
        AccountingFileDispatcher dispatcher = new AccountingFileDispatcher(data.resolve("accounting"), List.of("true", "{file}"),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Clock.systemUTC());
        try (PlatformStack stack = new PlatformStack(options); LocalReadService reads = LocalReadService.start(stack, options, dispatcher)) {
            assertThat(get(reads, "/readyz").statusCode()).isEqualTo(200);
            HttpResponse<String> executions = get(reads, "/api/v1/executions");
            assertThat(executions.statusCode()).isEqualTo(200);
            assertThat(executions.body()).isEqualTo("[]");
            assertThat(get(reads, "/api/v1/positions/ACC-1:NONE:USD").statusCode()).isEqualTo(404);
            HttpResponse<String> send = http.send(HttpRequest.newBuilder(URI.create(reads.url() + "/api/v1/executions/send"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(send.statusCode()).isEqualTo(200);
            assertThat(send.body()).contains("nothing-to-send");
        }
    }

    private HttpResponse<String> get(LocalReadService reads, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(reads.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
