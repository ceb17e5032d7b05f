package com.globeco.trading.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.globeco.trading.read.http.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document (generated from the handlers' annotations at compile time) is the committed one,
 * docs/openapi/read-service.json, and documents every route of the table. To refresh the committed copy after a change:
 * run this test with -Dopenapi.write=true, then review the diff.
 */
class OpenApiServedTest {
    static final Path COMMITTED = Path.of("..", "docs", "openapi", "read-service.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static Running service;
    private static JsonNode served;

    @BeforeAll
    static void start() throws Exception {
        service = ReadService.start(ReaderSettings.unreachable(), TestClocks.FIXED);
        HttpResponse<String> response = new Http(service.port()).get(ReadService.OPENAPI_PATH);
        assertThat(response.statusCode()).isEqualTo(200);
        served = JSON.readTree(response.body());
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, JSON.writeValueAsString(served) + "\n");
        }
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        assertThat(served).isEqualTo(JSON.readTree(COMMITTED.toFile()));
    }

    @Test
    void itNamesTheServiceAndDocumentsEveryRouteOfTheTable() {
        assertThat(served.at("/info/title").asText()).isEqualTo(ReadService.TITLE);
        assertThat(served.at("/info/version").asText()).isEqualTo(ReadService.API_VERSION);
        for (Route route : service.routes().table()) {
            assertThat(served.path("paths").path(route.path()).has(route.method().name().toLowerCase()))
                    .as(route.method() + " " + route.path() + " is documented").isTrue();
        }
    }
}
