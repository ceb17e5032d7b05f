package com.globeco.trading.jobs;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.jobs.pipeline.BoundedSources;
import com.globeco.trading.jobs.pipeline.CollectingSink;
import com.globeco.trading.jobs.pipeline.Pipeline;
import com.globeco.trading.jobs.pipeline.TextSink;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.operators.positions.ContractServiceSettings;
import com.globeco.trading.operators.positions.StoredVersions;
import com.globeco.trading.positions.BackdatedTradeJson;
import com.globeco.trading.positions.ContractOutcomeJson;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.positions.EventJson;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.testkit.contract.ContractServiceSimulator;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The trade hotpath through its seam: every topic it reads from a collection, every output collected as the JSON its
 * Kafka sink would publish (or as the record the database sink gets), no stored positions, the Contract Service
 * simulated in process. Assertions stay on messages, keys and dead-letter reasons.
 */
class TradeHotpathPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 2);

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDate TODAY = LocalDate.now(ZONE);
    private static final String A = "ACC-PIPE-1:INSTR1:USD";
    private static final String B = "ACC-PIPE-2:INSTR2:USD";

    private static ContractServiceSimulator contractService;

    @BeforeAll
    static void startService() {
        contractService = ContractServiceSimulator.start();
    }

    @AfterAll
    static void stopService() {
        contractService.close();
    }

    @Test
    void tradesAreAppliedOnceBackdatedOnesRoutedToTheColdpathAndBrokenOnesDeadLetteredWithTheirReason() throws Exception {
        String opened = trade("t-open", A, "NEW_TRADE", "100", TODAY);
        String increased = trade("t-increase", A, "INCREASE", "20", TODAY);
        String other = trade("t-other", B, "NEW_TRADE", "5", TODAY);
        String backdated = trade("t-backdated", A, "INCREASE", "30", TODAY.minusDays(3));
        String tooLarge = trade("t-too-large", B, "DECREASE", "50", TODAY);
        List<String> trades = List.of(opened, increased, other, opened, backdated, tooLarge, "not json at all");

        Outputs outputs = new Outputs();
        outputs.run(trades, List.of("{\"broken\":true"), List.of("not a price"), List.of("[]"), List.of("no correction"),
                contractService.baseUri());

        assertThat(tradeIds(outputs.applied.received())).as("each trade applied once, the repeated one not again")
                .containsExactlyInAnyOrder("t-open", "t-increase", "t-other", "t-backdated");
        assertThat(outputs.applied.received().stream().collect(Collectors.toMap(message -> tradeIds(List.of(message)).get(0),
                message -> message.replaceFirst(".*?\"eventType\":\"([^\"]+)\".*", "$1")))).containsOnly(
                entry("t-open", "TRADE_APPLIED"), entry("t-increase", "TRADE_APPLIED"), entry("t-other", "TRADE_APPLIED"),
                entry("t-backdated", "PROVISIONAL_TRADE_APPLIED"));
        assertThat(outputs.store.received()).as("the four events and the snapshots of both positions are stored").hasSize(6);
        assertThat(outputs.backdated.received()).singleElement()
                .satisfies(message -> assertThat(message).contains("\"t-backdated\"").contains(A));
        assertThat(outputs.provisional.received()).singleElement()
                .satisfies(message -> assertThat(message).contains("\"t-backdated\"").contains("PROVISIONAL"));
        assertThat(outputs.corrected.received()).isEmpty();

        Map<String, String> reasons = outputs.deadLetters.received().stream()
                .collect(Collectors.toMap(letter -> letter.sourceTopic() + " " + letter.payload(), DeadLetter::reason));
        assertThat(reasons).containsOnly(
                entry("trade-events " + tooLarge, "INSUFFICIENT_QUANTITY"),
                entry("trade-events not json at all", "INVALID_TRADE"),
                entry("contract-events {\"broken\":true", "INVALID_CONTRACT_EVENT"),
                entry("market-data not a price", "INVALID_MARKET_DATA"),
                entry("contract-generation-retry []", "INVALID_CONTRACT_RETRY"),
                entry("position-corrections no correction", "INVALID_CORRECTION"));

        List<String> contracts = new ArrayList<>(outputs.contracts.received());
        contracts.addAll(outputs.contractRetries.received());
        assertThat(tradeIds(contracts)).as("one contract, at once or deferred, per trade applied in sequence")
                .containsExactlyInAnyOrder("t-open", "t-increase", "t-other");
        assertThat(outputs.contracts.received()).allSatisfy(contract -> assertThat(contract).contains("\"contractId\":\"CTR-"));
    }

    /** The message the hotpath publishes on {@code backdated-trades} for a trade dated before its position's latest. */
    static String backdatedTradeMessage(String key, String tradeId) throws Exception {
        Outputs outputs = new Outputs();
        outputs.run(List.of(trade(tradeId + "-first", key, "NEW_TRADE", "100", TODAY), trade(tradeId, key, "INCREASE", "10", TODAY.minusDays(2))),
                List.of(), List.of(), List.of(), List.of(), null);
        return outputs.backdated.received().get(0);
    }

    private static String trade(String id, String key, String type, String quantity, LocalDate day) {
        return TradeScenario.json(id, key, type, new BigDecimal(quantity), BigDecimal.TEN, day);
    }

    private static List<String> tradeIds(List<String> messages) {
        return messages.stream().map(message -> message.replaceFirst(".*?\"tradeId\":\"([^\"]+)\".*", "$1")).toList();
    }

    /** The job's outputs: its Kafka topics as the JSON they would carry, its database sink as records. */
    private static final class Outputs {
        final CollectingSink<PositionChange> store = new CollectingSink<>();
        final TextSink<PositionChange.Appended> applied = new TextSink<>(PositionChange.Appended::message);
        final TextSink<com.globeco.trading.positions.PositionEvent> provisional = new TextSink<>(EventJson::message);
        final TextSink<com.globeco.trading.positions.ProvisionalTrade> backdated = new TextSink<>(BackdatedTradeJson::write);
        final TextSink<com.globeco.trading.positions.PositionEvent> corrected = new TextSink<>(EventJson::message);
        final TextSink<com.globeco.trading.positions.ContractOutcome> contracts = new TextSink<>(ContractOutcomeJson::write);
        final TextSink<com.globeco.trading.positions.ContractOutcome> contractRetries = new TextSink<>(ContractOutcomeJson::write);
        final TextSink<com.globeco.trading.positions.ContractOutcome> lateContracts = new TextSink<>(ContractOutcomeJson::write);
        final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();

        /** Runs the job; without {@code contractService} (the Contract Service's address), with contract generation left out. */
        void run(List<String> trades, List<String> contractEvents, List<String> prices, List<String> retryRequests,
                 List<String> corrections, URI contractService) throws Exception {
            TradeHotpathJob.Wiring wiring = new TradeHotpathJob.Wiring(
                    BoundedSources.messages("trade-events", trades),
                    BoundedSources.messages("contract-events", contractEvents),
                    BoundedSources.messages("market-data", prices),
                    BoundedSources.messages("contract-generation-retry", retryRequests),
                    BoundedSources.messages("position-corrections", corrections),
                    BoundedSources.messages("regulatory-report-outcomes", List.of()),
                    store, StoredVersions.none(), applied, provisional, backdated, corrected, contracts, contractRetries,
                    lateContracts, deadLetters, contractService != null,
                    ContractServiceSettings.defaults(contractService == null ? URI.create("http://127.0.0.1:1") : contractService), DedupRule.defaults(),
                    ZONE, TradeIdentifiers.example(), Pipeline.readiness());
            // one subtask reads the trades in their order: the backdated one comes after the ones it predates
            Pipeline.run(TradeHotpathJob.NAME, 1, env -> TradeHotpathJob.define(env, wiring));
        }
    }
}
