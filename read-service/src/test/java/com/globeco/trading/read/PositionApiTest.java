package com.globeco.trading.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.positions.LotReplayOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The positions API over positions the real hotpath and coldpath wrote: now, as of a date as known at an instant
 * (checked against the oracle's replay of exactly the trades recorded by then and dated by then), events, realized
 * P&L over periods, and the positions of a portfolio or an instrument.
 */
class PositionApiTest {
    @RegisterExtension
    static final PositionsWorld.Shared WORLD = new PositionsWorld.Shared();

    @Test
    void aReconciledPositionNowIsItsReplayWithItsLotsCostsAndRealizedPnl() throws Exception {
        for (String key : WORLD.world().reconciledKeys()) {
            JsonNode position = ok("/api/v1/positions/" + key);
            LotReplayOracle.Outcome truth = WORLD.world().truth(key, Instant.MAX, LocalDate.MAX);

            assertThat(position.path("status").asText()).isEqualTo("RECONCILED");
            assertThat(position.path("provisional").asBoolean()).isFalse();
            assertLotsAre(position, truth);
            assertThat(decimal(position, "realizedPnl")).as("realized P&L of %s", key).isEqualByComparingTo(truth.realizedPnl());
            assertThat(decimal(position, "unrealizedPnl"))
                    .isEqualByComparingTo(decimal(position, "marketValue").subtract(decimal(position, "costBasis")));
            assertThat(position.path("lastUti").asText()).startsWith("984500GLOBECOTRADE54");
            assertThat(position.path("outstandingBackdatedTrades")).isEmpty();
        }
    }

    @Test
    void asOfADateAsKnownAtAnInstantIsTheReplayOfTheTradesRecordedAndDatedByThen() throws Exception {
        Random random = new Random(29);
        for (String key : WORLD.world().reconciledKeys()) {
            List<Instant> instants = WORLD.world().recordingInstants(key);
            assertThat(instants).as("the trades of %s were recorded at several instants", key).hasSizeGreaterThan(1);
            List<LocalDate> range = WORLD.world().dateRange(key);
            for (int query = 0; query < 6; query++) {
                Instant knownAt = instants.get(random.nextInt(instants.size()));
                LocalDate asOf = range.get(0).plusDays(random.nextInt((int) (range.get(1).toEpochDay() - range.get(0).toEpochDay()) + 2));

                JsonNode position = ok("/api/v1/positions/" + key + "?asOf=" + asOf + "&knownAt=" + knownAt);

                LotReplayOracle.Outcome truth = WORLD.world().truth(key, knownAt, asOf);
                assertThat(position.path("asOf").asText()).isEqualTo(asOf.toString());
                assertThat(position.path("knownAt").asText()).isEqualTo(knownAt.toString());
                assertLotsAre(position, truth);
                assertThat(decimal(position, "realizedPnl")).isEqualByComparingTo(truth.realizedPnl());
            }
            assertThat(ok("/api/v1/positions/" + key + "?asOf=" + range.get(1)).path("lots"))
                    .as("as of its last date, as known now, a reconciled position is its snapshot")
                    .isEqualTo(ok("/api/v1/positions/" + key).path("lots"));
        }
    }

    @Test
    void aPositionABackdatedTradeLeftProvisionalNamesTheTradeAndItsReplayIncludesIt() throws Exception {
        String key = WORLD.world().provisionalKey();

        JsonNode now = ok("/api/v1/positions/" + key);
        JsonNode replayed = ok("/api/v1/positions/" + key + "?asOf=" + PositionsWorld.TODAY);

        assertThat(now.path("status").asText()).isEqualTo("PROVISIONAL");
        assertThat(now.path("provisional").asBoolean()).isTrue();
        assertThat(now.path("outstandingBackdatedTrades")).singleElement().satisfies(trade -> {
            assertThat(trade.path("tradeId").asText()).isEqualTo("P-2");
            assertThat(trade.path("effectiveDate").asText()).isEqualTo(PositionsWorld.TODAY.minusDays(4).toString());
        });
        assertThat(replayed.path("provisional").asBoolean()).isTrue();
        assertThat(StreamSupport.stream(replayed.path("lots").spliterator(), false).map(lot -> lot.path("lotId").asText()))
                .as("the replay puts the backdated lot first").containsExactly("P-2", "P-1");
        assertThat(decimal(replayed, "costBasis")).isEqualByComparingTo("1420.00");
        assertThat(ok("/api/v1/positions/" + key + "?asOf=" + PositionsWorld.TODAY.minusDays(2)).path("lots")).hasSize(1);
    }

    @Test
    void aPositionsEventsComeInVersionOrderAPageAtATime() throws Exception {
        String key = WORLD.world().reconciledKeys().get(0);
        List<Long> versions = everyPage("/api/v1/positions/" + key + "/events?limit=5").stream().map(event -> event.path("version").asLong()).toList();

        assertThat(versions).isNotEmpty().isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        assertThat(versions.get(versions.size() - 1)).isEqualTo(versions.size());
        JsonNode first = Http.json(WORLD.world().http().get("/api/v1/positions/" + key + "/events?limit=1")).get(0);
        assertThat(first.path("eventType").asText()).isEqualTo("TRADE_APPLIED");
        assertThat(first.path("payload").path("tradeId").asText()).isNotEmpty();
        assertThat(first.path("uti").asText()).startsWith("984500GLOBECOTRADE54");
    }

    @Test
    void realizedPnlOverAdjacentPeriodsAddsUpToTheWholeAndTheWholeIsWhatThePositionRealized() throws Exception {
        for (String key : WORLD.world().reconciledKeys()) {
            List<LocalDate> range = WORLD.world().dateRange(key);
            LocalDate middle = range.get(0).plusDays((range.get(1).toEpochDay() - range.get(0).toEpochDay()) / 2);
            String path = "/api/v1/positions/" + key + "/realized-pnl";

            BigDecimal first = decimal(ok(path + "?from=" + range.get(0) + "&to=" + middle), "realizedPnl");
            BigDecimal second = decimal(ok(path + "?from=" + middle.plusDays(1) + "&to=" + range.get(1)), "realizedPnl");
            BigDecimal whole = decimal(ok(path + "?from=" + range.get(0) + "&to=" + range.get(1)), "realizedPnl");

            assertThat(first.add(second)).isEqualByComparingTo(whole);
            assertThat(whole).isEqualByComparingTo(decimal(ok("/api/v1/positions/" + key), "realizedPnl"));
        }
    }

    @Test
    void thePositionsOfAnInstrumentComeByKeyAPageAtATimeAndThoseOfAPortfolioAreItsOwn() throws Exception {
        String key = WORLD.world().reconciledKeys().get(0);
        String instrument = key.split(":")[1];
        List<String> keys = everyPage("/api/v1/positions?instrument=" + instrument + "&limit=1").stream()
                .map(position -> position.path("positionKey").asText()).toList();
        JsonNode portfolio = ok("/api/v1/positions?portfolio=" + key.split(":")[0]);

        assertThat(keys).isSorted().contains(key, WORLD.world().provisionalKey()).allMatch(each -> each.split(":")[1].equals(instrument));
        assertThat(portfolio).singleElement().satisfies(position -> assertThat(position.path("positionKey").asText()).isEqualTo(key));
    }

    @Test
    void badKeysDatesAndPeriodsAreRefusedWithTheReasonAndUnknownPositionsAreNotFound() {
        assertStatus("/api/v1/positions/not-a-key", 400, "ACCOUNT:INSTRUMENT:CCY");
        assertStatus("/api/v1/positions/ACC-NONE:NOTHING:USD", 404, "no position ACC-NONE:NOTHING:USD");
        assertStatus("/api/v1/positions/ACC-NONE:NOTHING:USD?asOf=2025-01-01", 404, "no position");
        assertStatus("/api/v1/positions/ACC-NONE:NOTHING:USD/events", 404, "no position");
        String key = WORLD.world().reconciledKeys().get(0);
        assertStatus("/api/v1/positions/" + key + "?asOf=2024-02-30", 400, "asOf must be a date");
        assertStatus("/api/v1/positions/" + key + "?knownAt=yesterday", 400, "knownAt must be an ISO-8601 instant");
        assertStatus("/api/v1/positions/" + key + "/realized-pnl?from=2025-02-01&to=2025-01-01", 400, "is after to");
        assertStatus("/api/v1/positions/" + key + "/realized-pnl?to=2025-01-01", 400, "from is required");
        assertStatus("/api/v1/positions/" + key + "/events?limit=1001", 400, "limit must be an integer from 1 to 1000");
        assertStatus("/api/v1/positions?portfolio=A&instrument=B", 400, "either a portfolio or an instrument");
        assertStatus("/api/v1/positions", 400, "either a portfolio or an instrument");
    }

    /** Every element of every page, following each page's Link to the next. */
    private static List<JsonNode> everyPage(String first) {
        List<JsonNode> elements = new ArrayList<>();
        String next = first;
        while (next != null) {
            HttpResponse<String> page = WORLD.world().http().get(next);
            assertThat(page.statusCode()).as(next).isEqualTo(200);
            Http.json(page).forEach(elements::add);
            next = page.headers().firstValue("Link").map(link -> link.substring(1, link.indexOf('>'))).orElse(null);
        }
        return elements;
    }

    private static void assertStatus(String path, int status, String reason) {
        HttpResponse<String> answer = WORLD.world().http().get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(status);
        assertThat(Http.json(answer).path("message").asText()).as(path).contains(reason);
    }

    private static void assertLotsAre(JsonNode position, LotReplayOracle.Outcome truth) {
        JsonNode lots = position.path("lots");
        assertThat(lots).hasSize(truth.openLots().size());
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (int lot = 0; lot < truth.openLots().size(); lot++) {
            LotReplayOracle.Lot expected = truth.openLots().get(lot);
            assertThat(lots.get(lot).path("lotId").asText()).isEqualTo(expected.id);
            assertThat(decimal(lots.get(lot), "quantity")).isEqualByComparingTo(expected.remaining);
            assertThat(decimal(lots.get(lot), "costPrice")).isEqualByComparingTo(expected.price);
            quantity = quantity.add(expected.remaining);
            cost = cost.add(expected.remaining.multiply(expected.price));
        }
        assertThat(decimal(position, "quantity")).isEqualByComparingTo(quantity);
        assertThat(decimal(position, "costBasis")).isEqualByComparingTo(cost);
    }

    private static JsonNode ok(String path) {
        HttpResponse<String> answer = WORLD.world().http().get(path);
        assertThat(answer.statusCode()).as("%s: %s", path, answer.body()).isEqualTo(200);
        return Http.json(answer);
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(node.path(field).asText());
    }
}
