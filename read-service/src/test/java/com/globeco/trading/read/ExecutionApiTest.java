package com.globeco.trading.read;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static com.globeco.trading.read.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/executions and /api/v1/execution/{id} over rows the allocation job wrote, read as globeco_reader. */
class ExecutionApiTest {
    @RegisterExtension
    static final AllocatedWorld.Shared WORLD = new AllocatedWorld.Shared();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static Http http;
    private static List<Integer> ids;

    @BeforeAll
    static void rows() throws Exception {
        http = WORLD.world().http();
        ids = WORLD.world().idsNewestFirst();
        assertThat(ids).hasSize(AllocatedWorld.EXECUTIONS);
    }

    @Test
    void theListIsEveryExecutionNewestFirstUpToFifty() {
        HttpResponse<String> response = http.get("/api/v1/executions");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(idsOf(response)).isEqualTo(ids);
        assertThat(response.headers().firstValue("Link")).as("a page shorter than its limit is the last").isEmpty();
    }

    @Test
    void limitAndOffsetCutTheSameOrder() {
        assertThat(idsOf(http.get("/api/v1/executions?limit=7&offset=7"))).isEqualTo(ids.subList(7, 14));
        assertThat(idsOf(http.get("/api/v1/executions?limit=1000&offset=" + (ids.size() - 2)))).isEqualTo(ids.subList(ids.size() - 2, ids.size()));
        assertThat(idsOf(http.get("/api/v1/executions?offset=" + ids.size()))).isEmpty();
        assertThat(idsOf(http.get("/api/v1/executions?offset=9223372036854775807"))).isEmpty();
    }

    @Test
    void beforeIdGivesTheExecutionsBelowIt() {
        int middle = ids.get(10);

        assertThat(idsOf(http.get("/api/v1/executions?beforeId=" + middle))).isEqualTo(ids.subList(11, ids.size()));
        assertThat(idsOf(http.get("/api/v1/executions?limit=3&beforeId=" + middle))).isEqualTo(ids.subList(11, 14));
    }

    @Test
    void followingTheNextLinksVisitsEveryExecutionOnceInOrder() {
        List<Integer> visited = new ArrayList<>();
        Optional<String> next = Optional.of("/api/v1/executions?limit=5");
        int pages = 0;
        while (next.isPresent()) {
            HttpResponse<String> page = http.get(next.get());
            assertThat(page.statusCode()).isEqualTo(200);
            visited.addAll(idsOf(page));
            next = page.headers().firstValue("Link").map(ExecutionApiTest::nextOf);
            pages++;
        }

        assertThat(visited).isEqualTo(ids);
        assertThat(pages).isEqualTo(AllocatedWorld.EXECUTIONS / 5 + 1);
    }

    @Test
    void oneExecutionIsTheListsEntry() {
        JsonNode listed = Http.json(http.get("/api/v1/executions?limit=1&offset=4")).get(0);
        HttpResponse<String> one = http.get("/api/v1/execution/" + ids.get(4));

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(Http.json(one)).isEqualTo(listed);
    }

    @Test
    void anIdNoExecutionHasIsA404() {
        int unknown = ids.get(0) + 1000;

        assertError(http.get("/api/v1/execution/" + unknown), 404, "no execution with id " + unknown);
        assertError(http.get("/api/v1/execution/2147483647"), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "2147483648", "1.0", "%20"})
    void anIdThatIsNoSerialIsA400(String id) {
        assertError(http.get("/api/v1/execution/" + id), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=1001", "limit=abc", "limit=", "offset=-1", "offset=9223372036854775808",
            "beforeId=0", "beforeId=x", "limit=1e3"})
    void aPagingParameterOutOfItsRangeIsA400WithTheReason(String query) {
        JsonNode body = assertError(http.get("/api/v1/executions?" + query), 400);

        assertThat(body.get("message").asText()).startsWith(query.substring(0, query.indexOf('=')) + " ");
    }

    @Test
    void aQueryOverTheFiveSecondStatementTimeoutIsA503WithRetryAfter() throws Exception {
        try (Connection owner = WORLD.world().stack().postgres().dataSource().getConnection();
             Statement lock = owner.createStatement()) {
            owner.setAutoCommit(false);
            lock.execute("LOCK TABLE execution IN ACCESS EXCLUSIVE MODE");
            try {
                HttpResponse<String> response = http.get("/api/v1/executions");

                assertError(response, 503, "database unavailable, retry later");
                assertThat(response.headers().firstValue("Retry-After")).contains("5");
            } finally {
                owner.rollback();
            }
        }
        assertThat(http.get("/api/v1/executions").statusCode()).isEqualTo(200);
    }

    private static List<Integer> idsOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode page = Http.json(response);
        assertThat(page.isArray()).as("a bare JSON array").isTrue();
        return StreamSupport.stream(page.spliterator(), false).map(execution -> execution.get("id").asInt()).toList();
    }

    private static String nextOf(String link) {
        Matcher matcher = NEXT.matcher(link);
        assertThat(matcher.matches()).as(link).isTrue();
        return matcher.group(1);
    }
}
