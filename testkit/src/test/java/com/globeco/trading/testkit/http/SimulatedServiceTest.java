package com.globeco.trading.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SimulatedServiceTest {

    /** Echoes the decoded {@code q} parameter; fails on {@code /boom}. */
    private static final class EchoService extends SimulatedService {
        EchoService() {
            super("echo-simulator", 0, request -> {
                if (request.path().equals("/boom")) {
                    throw new IllegalStateException("boom");
                }
                String q = request.queryParameter("q").orElse("none");
                return Reply.json(200, ("\"" + q + "\"").getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    @Test
    void aRouterFailureIsAnInternalServerErrorWithAJsonBody() throws Exception {
        try (EchoService service = new EchoService()) {
            SimulatorClient client = new SimulatorClient(service.baseUri());

            HttpResponse<String> response = client.get("/boom");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(SimulatorClient.json(response).get("path").asText()).isEqualTo("/boom");
        }
    }

    @Test
    void aWrongAnswerReplacesEveryAnswerUntilTheFaultsAreCleared() throws Exception {
        try (EchoService service = new EchoService()) {
            SimulatorClient client = new SimulatorClient(service.baseUri());
            service.answerEveryRequestWith(Reply.oversized(200, "{\"q\":1}", 4096));

            HttpResponse<String> wrong = client.get("/?q=a");
            service.clearFaults();
            HttpResponse<String> right = client.get("/?q=b");

            assertThat(wrong.statusCode()).isEqualTo(200);
            assertThat(wrong.body()).hasSize(4096).startsWith("{\"q\":1} ");
            assertThat(right.body()).isEqualTo("\"b\"");
            assertThat(service.requests()).as("a wrong answer is still a request").isEqualTo(2);
        }
    }

    @Test
    void errorBodiesStayValidJsonWhateverThePath() throws Exception {
        Reply reply = Reply.error(404, "Not Found", "/a\"b\\c\nd");

        String body = new String(reply.body(), StandardCharsets.UTF_8);

        assertThat(new ObjectMapper().readTree(body).get("path").asText())
                .isEqualTo("/a\"b\\c\nd");
    }

    @Test
    void queryParametersArePercentDecodedAndTheFirstValueWins() {
        ApiRequest request = new ApiRequest("GET", "/", "a=1&q=x%20y&q=z&flag", new byte[0]);

        assertThat(request.queryParameter("q")).hasValue("x y");
        assertThat(request.queryParameter("flag")).hasValue("");
        assertThat(request.queryParameter("missing")).isEmpty();
        assertThat(new ApiRequest("GET", "/", null, new byte[0]).queryParameter("q")).isEmpty();
        assertThatThrownBy(() -> new ApiRequest("GET", "/", "q=%zz", new byte[0]).queryParameter("q"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestsAreCountedByMethodAndCloseCanBeRepeated() throws Exception {
        EchoService service = new EchoService();
        SimulatorClient client = new SimulatorClient(service.baseUri());

        assertThat(SimulatorClient.json(client.get("/?q=hello")).asText()).isEqualTo("hello");
        client.send("POST", "/", "{}");

        assertThat(service.requests("GET")).isEqualTo(1);
        assertThat(service.requests("POST")).isEqualTo(1);
        assertThat(service.requests()).isEqualTo(2);
        service.close();
        service.close();
    }
}
