package com.globeco.trading.read;

import com.fasterxml.jackson.core.JsonParseException;
import com.globeco.trading.read.http.BadRequest;
import com.globeco.trading.read.http.Errors;
import com.globeco.trading.read.http.Failure;
import com.globeco.trading.read.http.NotFound;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.MethodNotAllowedResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import static com.globeco.trading.read.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** Each failure's status and body: input refused is 4xx, an unavailable database 503 with Retry-After, the rest 500. */
class ErrorMappingTest {
    private static final Errors ERRORS = new Errors(TestClocks.FIXED);
    private static Running service;
    private static Http http;

    @BeforeAll
    static void startOnADatabaseThatIsNotThere() {
        service = ReadService.start(ReaderSettings.unreachable(), TestClocks.FIXED);
        http = new Http(service.port());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void refusedInputIsA4xxWithItsReason() {
        assertThat(ERRORS.classify(new BadRequest("limit is empty"))).isEqualTo(failure(400, "limit is empty", null));
        assertThat(ERRORS.classify(new NotFound("no execution with id 5"))).isEqualTo(failure(404, "no execution with id 5", null));
        assertThat(ERRORS.classify(new ContentTooLargeResponse()).status()).isEqualTo(413);
        assertThat(ERRORS.classify(new MethodNotAllowedResponse()).status()).isEqualTo(405);
        assertThat(ERRORS.classify(new JsonParseException(null, "Unexpected character"))).isEqualTo(failure(400, "malformed JSON", "Unexpected character"));
    }

    @Test
    void anUnavailableDatabaseIsA503ToRetryLater() {
        Failure unavailable = new Failure(503, "database unavailable, retry later", null, Optional.of(5));

        assertThat(ERRORS.classify(new SQLTransientConnectionException("pool: Connection is not available, request timed out after 1000ms")))
                .isEqualTo(unavailable);
        assertThat(ERRORS.classify(new PSQLException("canceling statement due to statement timeout", PSQLState.QUERY_CANCELED)))
                .isEqualTo(unavailable);
        assertThat(ERRORS.classify(new IllegalStateException(new SQLException("terminating connection", "57P01"))))
                .isEqualTo(unavailable);
        assertThat(ERRORS.classify(new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)))
                .isEqualTo(unavailable);
    }

    @Test
    void anythingElseIsA500WithAGenericMessageAndAReferenceNotTheException() {
        Failure failure = ERRORS.classify(new IllegalStateException("secret internals"));

        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.message()).isEqualTo("internal error");
        assertThat(failure.details()).matches("reference [0-9a-f-]{36}").doesNotContain("secret");
        assertThat(ERRORS.classify(new SQLException("permission denied for table execution", "42501")).status()).isEqualTo(500);
    }

    @Test
    void anUnknownPathIsA404InJson() {
        assertError(http.get("/api/v1/nothing-here"), 404, "Endpoint GET /api/v1/nothing-here not found");
    }

    @Test
    void anotherMethodOnAKnownPathIsA405InJson() {
        assertError(http.send("DELETE", "/healthz"), 405);
        assertError(http.send("POST", "/readyz"), 405);
        assertError(http.send("DELETE", "/api/v1/executions"), 405);
        assertError(http.send("POST", "/api/v1/execution/1"), 405);
    }

    @Test
    void aBodyAboveOneMebibyteIsA413BeforeAnythingReadsIt() {
        assertError(http.send("POST", "/api/v1/executions", new byte[(1 << 20) + 1]), 413);
        assertError(http.send("GET", "/healthz", new byte[(1 << 20) + 1]), 413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/execution/%zz", "/api/v1/execution/%", "/%00"})
    void aMalformedUriIsA400InJsonFromJettyItself(String path) {
        String answer = http.raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/json")
                .doesNotContain("Exception").doesNotContain("<html");
        assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4))
                .isEqualTo("{\"message\":\"Bad Request\",\"status\":400,\"timestamp\":\"" + TestClocks.NOW + "\",\"details\":null}");
    }

    @Test
    void headersTooLargeAreA431InJson() {
        String answer = http.raw("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000) + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 431 ").contains("Content-Type: application/json").contains("\"status\":431");
    }

    @Test
    void aRequestTheDatabaseCannotAnswerIsA503WithRetryAfter() {
        HttpResponse<String> response = http.get("/api/v1/executions");

        assertError(response, 503, "database unavailable, retry later");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
    }

    @Test
    void badParametersAreRefusedBeforeTheDatabaseIsAsked() {
        assertError(http.get("/api/v1/executions?limit=abc"), 400, "limit must be an integer from 1 to 1000, got 'abc'");
        assertError(http.get("/api/v1/execution/99999999999999999999"), 400,
                "id must be an integer from 1 to 2147483647, got 99999999999999999999");
    }

    private static Failure failure(int status, String message, String details) {
        return new Failure(status, message, details, Optional.empty());
    }
}
