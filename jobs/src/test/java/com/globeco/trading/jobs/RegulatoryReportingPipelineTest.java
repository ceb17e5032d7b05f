package com.globeco.trading.jobs;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.compliance.reporting.ReportAction;
import com.globeco.trading.compliance.reporting.ReportCommandJson;
import com.globeco.trading.compliance.reporting.ReportOutcome;
import com.globeco.trading.compliance.reporting.ReportOutcomeJson;
import com.globeco.trading.compliance.reporting.ReportRow;
import com.globeco.trading.compliance.reporting.ReportStatus;
import com.globeco.trading.compliance.reporting.ReportableTrade;
import com.globeco.trading.compliance.reporting.ReportingRow;
import com.globeco.trading.compliance.reporting.ReportingRules;
import com.globeco.trading.compliance.reporting.SubmissionAttempt;
import com.globeco.trading.compliance.reporting.SubmissionResult;
import com.globeco.trading.compliance.reporting.TradeReport;
import com.globeco.trading.jobs.pipeline.BoundedSources;
import com.globeco.trading.jobs.pipeline.CollectingSink;
import com.globeco.trading.jobs.pipeline.Pipeline;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.operators.reporting.TradeRepositorySettings;
import com.globeco.trading.positions.Correction;
import com.globeco.trading.positions.CorrectionJson;
import com.globeco.trading.positions.CorrectionOutcome;
import com.globeco.trading.positions.EventJson;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.Initiators;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.TaxLots;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import com.globeco.trading.testkit.fuzz.PoisonMessages;
import com.globeco.trading.testkit.fuzz.PoisonMessages.Field;
import com.globeco.trading.testkit.fuzz.PoisonMessages.Kind;
import com.globeco.trading.testkit.http.Reply;
import com.globeco.trading.testkit.repository.AcceptedReport;
import com.globeco.trading.testkit.repository.TradeRepositorySimulator;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regulatory reporting job through its seam: its five topics from collections, its rows, outcomes and dead letters
 * collected in memory, the Trade Repository simulated in process. The trades are of reconciled positions, so each is
 * reported at once (a processing-time timer may not fire at the end of bounded input). No restarts: anything that
 * stopped the job would fail the test.
 */
class RegulatoryReportingPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 2);

    private static final TradeIdentifiers IDS = TradeIdentifiers.example();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));
    private static final Duration SLA = Duration.ofMinutes(15);
    private static final String APPLIED = "trade-applied-events";
    private static final String CORRECTED = "historical-position-corrected-events";
    private static final String CORRECTIONS = "position-corrections";
    private static final String OUTCOMES = "regulatory-report-outcomes";
    private static final String COMMANDS = "regulatory-report-commands";
    /** Where poison that got past a gate would show: a position no valid message is of. */
    private static final String FUZZ_KEY = "ACC-FUZZ:INSTR0:USD";
    private static final int POISON_PER_TOPIC = 2_000;

    private static TradeRepositorySimulator repository;
    private String run;

    @BeforeAll
    static void startRepository() {
        repository = TradeRepositorySimulator.start();
    }

    @AfterAll
    static void stopRepository() {
        repository.close();
    }

    @BeforeEach
    void healthyRepository() {
        repository.clearFaults();
        run = "P" + TestFlink.nextRun();
    }

    @Test
    void everyValidTradeIsReportedOnceAndEveryPoisonMessageDeadLetteredOnceWithItsReason() throws Exception {
        Random random = new Random(2026);
        Valid valid = valid(12, 5, random);
        Map<String, List<String>> topics = new HashMap<>();
        Map<String, String> expectedLetters = new HashMap<>();
        List<String> applied = new ArrayList<>(poison(appliedPoison(), POISON_PER_TOPIC));
        applied.addAll(amountPoison());
        topics.put(APPLIED, mix(valid.applied(), applied, APPLIED, "INVALID_POSITION_EVENT", expectedLetters, random));
        topics.put(CORRECTED, mix(valid.corrected(), poison(correctedPoison(), POISON_PER_TOPIC), CORRECTED, "INVALID_POSITION_EVENT",
                expectedLetters, random));
        List<String> corrections = new ArrayList<>(poison(refusalPoison(), POISON_PER_TOPIC / 2));
        HotpathPoison.corrections(14, POISON_PER_TOPIC / 2).forEach(message -> corrections.add(text(message)));
        topics.put(CORRECTIONS, mix(valid.corrections(), corrections, CORRECTIONS, "INVALID_CORRECTION", expectedLetters, random));
        topics.put(OUTCOMES, mix(valid.outcomes(), poison(outcomePoison(), POISON_PER_TOPIC), OUTCOMES, "INVALID_REPORT_OUTCOME",
                expectedLetters, random));
        topics.put(COMMANDS, mix(valid.commands(), poison(commandPoison(), POISON_PER_TOPIC), COMMANDS, "INVALID_REPORT_COMMAND",
                expectedLetters, random));

        Outputs outputs = new Outputs();
        Pipeline.run(RegulatoryReportingJob.NAME, 2, env -> define(env, outputs, topics, BoundedSources::messages, settings()));

        Map<String, String> letters = outputs.deadLetters.received().stream().collect(Collectors.toMap(
                letter -> letter.sourceTopic() + "@" + letter.sourceOffset(), DeadLetter::reason, (first, second) -> first + " and " + second));
        assertThat(outputs.deadLetters.count()).as("each poison message dead-lettered once").isEqualTo(expectedLetters.size());
        assertThat(letters).as("every poison message, with its gate's reason, and no valid message or price reset").isEqualTo(expectedLetters);
        assertThat(outputs.deadLetters.received()).allSatisfy(letter -> assertThat(letter.error()).isNotBlank());
        assertThat(expectedLetters).hasSizeGreaterThanOrEqualTo(5 * POISON_PER_TOPIC);

        List<ReportOutcome> outcomes = outputs.outcomes.received();
        assertThat(outcomes).as("one outcome per valid trade, none for anything else").hasSize(valid.trades().size())
                .allSatisfy(outcome -> assertThat(outcome.status()).isEqualTo(ReportStatus.ACKNOWLEDGED));
        assertThat(outcomes).extracting(outcome -> outcome.report().trade()).containsExactlyInAnyOrderElementsOf(valid.trades());
        for (ReportableTrade trade : valid.trades()) {
            assertThat(repository.reportsFor(trade.uti().value())).as("trade %s accepted once by the repository", trade.tradeId())
                    .singleElement().satisfies(report -> {
                        assertThat(report.reportId()).isEqualTo(trade.uti().value() + "-1");
                        assertThat(report.action().name()).isEqualTo("NEW");
                        assertThat(report.provisional()).isFalse();
                        assertThat(report.quantity()).isEqualByComparingTo(trade.quantity());
                    });
        }
        assertThat(repository.reportsFor(IDS.uti(FUZZ_KEY, "FUZZ-1").value())).as("no poison reported").isEmpty();
        assertThat(outputs.rows.received()).filteredOn(row -> row instanceof ReportRow)
                .extracting(row -> ((ReportRow) row).status()).as("each report submitted and answered, none waiting")
                .containsOnly(ReportStatus.SUBMITTED, ReportStatus.ACKNOWLEDGED).hasSize(2 * valid.trades().size());
    }

    @Test
    void aTradeRepositoryAnsweringGarbageFailsReportsAfterTheirAttemptsUntilItAnswersRightAndTheJobGoesOn() throws Exception {
        Valid valid = valid(20, 3, new Random(7));
        Map<String, List<String>> topics = Map.of(APPLIED, valid.applied());
        TradeRepositorySettings settings = settings();
        Outputs outputs = new Outputs();
        StreamExecutionEnvironment env = Pipeline.environment(1);
        define(env, outputs, topics, (topic, payloads) -> topic.equals(APPLIED) ? BoundedSources.paced(topic, payloads, 6)
                : BoundedSources.messages(topic, payloads), settings);

        AtomicBoolean garbage = new AtomicBoolean(true);
        Thread answering = new Thread(() -> {
            List<Reply> wrong = wrongAnswers();
            for (int next = 0; garbage.get(); next++) {
                repository.answerEveryRequestWith(wrong.get(next % wrong.size()));
                sleep(40);
            }
        }, "garbage-answers");
        answering.start();
        JobClient job = env.executeAsync(RegulatoryReportingJob.NAME);
        Instant rightAgain;
        try {
            CommonTestUtils.waitUntilCondition(() -> failed(outputs).size() >= 6);
        } finally {
            garbage.set(false);
            answering.join();
            repository.clearFaults();
            rightAgain = Instant.now();
        }
        job.getJobExecutionResult().get(TestFlink.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

        List<ReportOutcome> outcomes = outputs.outcomes.received();
        Map<String, List<SubmissionAttempt>> attempts = outputs.rows.received().stream().filter(row -> row instanceof SubmissionAttempt)
                .map(row -> (SubmissionAttempt) row).collect(Collectors.groupingBy(SubmissionAttempt::reportId));
        assertThat(outcomes).as("each trade's report answered once, the job never failed").hasSize(valid.trades().size())
                .extracting(ReportOutcome::reportId).doesNotHaveDuplicates();
        for (ReportOutcome outcome : outcomes) {
            List<SubmissionAttempt> made = attempts.getOrDefault(outcome.reportId(), List.of());
            List<AcceptedReport> accepted = repository.reportsFor(outcome.report().trade().uti().value());
            assertThat(made).as("attempts of %s", outcome.reportId()).hasSize(outcome.attempts())
                    .extracting(SubmissionAttempt::attempt).containsExactlyInAnyOrderElementsOf(
                            java.util.stream.IntStream.rangeClosed(1, outcome.attempts()).boxed().toList());
            if (outcome.status() == ReportStatus.FAILED) {
                assertThat(outcome.attempts()).isEqualTo(settings.maxAttempts());
                assertThat(outcome.reasonCode()).isEqualTo("NO_ANSWER");
                assertThat(made).extracting(SubmissionAttempt::result).as("no attempt of %s got a real answer", outcome.reportId())
                        .containsAnyOf(SubmissionResult.UNAVAILABLE, SubmissionResult.BREAKER_OPEN)
                        .doesNotContain(SubmissionResult.ACKNOWLEDGED, SubmissionResult.REJECTED);
                assertThat(accepted).as("a wrong answer touches nothing at the repository").isEmpty();
            } else {
                assertThat(outcome.status()).as(outcome.reportId()).isEqualTo(ReportStatus.ACKNOWLEDGED);
                assertThat(made.stream().filter(attempt -> attempt.attempt() == outcome.attempts()).findFirst()).get()
                        .extracting(SubmissionAttempt::result).isEqualTo(SubmissionResult.ACKNOWLEDGED);
                assertThat(accepted).singleElement().extracting(AcceptedReport::reportId).isEqualTo(outcome.reportId());
            }
        }
        assertThat(failed(outputs)).as("reports answered only wrongly failed: once the answers were right, an attempt of theirs was"
                        + " one the open breaker did not send").hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(outcome -> assertThat(attempts.get(outcome.reportId())).as(outcome.reportId())
                        .filteredOn(attempt -> !attempt.sentAt().isBefore(rightAgain))
                        .allSatisfy(attempt -> assertThat(attempt.result()).isEqualTo(SubmissionResult.BREAKER_OPEN)));
        Instant breakerClosed = rightAgain.plus(settings.breakerOpenFor()).plusSeconds(1);
        List<ReportOutcome> later = outcomes.stream().filter(outcome -> attempts.get(outcome.reportId()).stream()
                .allMatch(attempt -> attempt.sentAt().isAfter(breakerClosed))).toList();
        assertThat(later).as("reports first sent once the answers were right again and the breaker let calls through").isNotEmpty()
                .allSatisfy(outcome -> {
                    assertThat(outcome.status()).isEqualTo(ReportStatus.ACKNOWLEDGED);
                    assertThat(outcome.attempts()).isOne();
                });
    }

    /** Answers no Trade Repository means: each must be taken for no answer, and retried. */
    private static List<Reply> wrongAnswers() {
        return List.of(
                json(200, "{\"status\":\"ACKNOWLEDGED\"}"),
                json(201, "not json"),
                Reply.empty(200),
                json(201, "{\"status\":\"ACKNOWLEDGED\",\"submissionId\":\"TR-1\"} and more"),
                json(422, "{\"status\":\"ACCEPTED\",\"reasonCode\":\"X\"}"),
                json(409, "[]"),
                json(302, "{\"status\":\"ACKNOWLEDGED\",\"submissionId\":\"TR-2\"}"),
                json(200, "{\"status\":\"ACKNOWLEDGED\",\"submissionId\":17}"),
                json(200, "[".repeat(5_000)),
                Reply.oversized(201, "{\"status\":\"ACKNOWLEDGED\",\"submissionId\":\"TR-3\"}", (1 << 20) + 1_024),
                new Reply(200, new byte[] {(byte) 0xff, 0, (byte) 0xfe, 0x7b}),
                Reply.error(404, "Not Found", "/api/v1/reports"));
    }

    private static Reply json(int status, String body) {
        return Reply.json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<ReportOutcome> failed(Outputs outputs) {
        return outputs.outcomes.received().stream().filter(outcome -> outcome.status() == ReportStatus.FAILED).toList();
    }

    /** The valid messages of a run: trades of reconciled positions with price resets among them, and on every other topic a message that reports nothing. */
    private record Valid(List<ReportableTrade> trades, List<String> applied, List<String> corrected, List<String> corrections,
                         List<String> outcomes, List<String> commands) {}

    private Valid valid(int positions, int tradesEach, Random random) {
        List<ReportableTrade> trades = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        for (int account = 0; account < positions; account++) {
            String key = "ACC-" + run + "-" + account + ":INSTR" + (account % 4) + ":USD";
            Position position = Position.empty();
            for (int number = 0; number < tradesEach; number++) {
                if (number > 0 && random.nextInt(3) == 0) {
                    Hotpath.Applied reset = Hotpath.reset(position, key, new ReferencePrice("INSTR" + (account % 4),
                            BigDecimal.valueOf(1_000 + random.nextInt(9_000), 2), Instant.now(), "price-" + account + "-" + number));
                    position = reset.state();
                    applied.add(EventJson.message(reset.event()));
                }
                String tradeId = run + "-T" + account + "-" + number;
                BigDecimal open = position.lots().openQuantity();
                TradeType type = number == 0 ? TradeType.NEW_TRADE
                        : random.nextInt(4) == 0 && open.signum() > 0 ? TradeType.DECREASE : TradeType.INCREASE;
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(10));
                if (type == TradeType.DECREASE) {
                    quantity = quantity.min(open);
                }
                BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(10_000), 2);
                Trade trade = new Trade(tradeId, key, type, quantity, price, TODAY, Instant.now(), null, "corr-" + tradeId, null, "trader-" + account);
                Hotpath.Applied event = Hotpath.apply(position, key, trade, TODAY, IDS.uti(key, tradeId));
                position = event.state();
                applied.add(EventJson.message(event.event()));
                trades.add(new ReportableTrade(key, tradeId, IDS.uti(key, tradeId), type, quantity, price, TODAY, trade.occurredAt(), false,
                        trade.userId(), trade.correlationId()));
            }
        }
        String other = "ACC-" + run + "-OTHER:INSTR9:USD";
        Trade first = new Trade(run + "-O1", other, TradeType.NEW_TRADE, BigDecimal.TEN, BigDecimal.TEN, TODAY, Instant.now(), null, "corr-o1", null, null);
        Position position = Hotpath.apply(Position.empty(), other, first, TODAY).state();
        TaxLots lots = position.lots();
        String corrected = EventJson.message(Hotpath.adopt(position, new Correction(other, 1, CorrectionOutcome.CORRECTED, lots, BigDecimal.ZERO,
                new String[] {run + "-O0"}, null, "corr-o0"), List.of(), BigDecimal.ZERO, true, Instant.now()).event());
        String adopted = CorrectionJson.write(new Correction(other, 1, CorrectionOutcome.CORRECTED, lots, BigDecimal.ZERO,
                new String[] {run + "-O0"}, null, "corr-o0"));
        String refused = CorrectionJson.write(Correction.refused(other, 2, new String[] {run + "-O2"}, "an impossible history", "corr-o2"));
        ReportableTrade unknown = new ReportableTrade(other, run + "-O1", IDS.uti(other, run + "-O1"), TradeType.NEW_TRADE, BigDecimal.TEN,
                BigDecimal.TEN, TODAY, Instant.now(), false, null, "corr-o1");
        String outcome = ReportOutcomeJson.write(new ReportOutcome(new TradeReport(unknown, IDS.usi(other, run + "-O1"), 1, ReportAction.NEW,
                false, Initiators.REGULATORY_REPORTING, Instant.now()), ReportStatus.ACKNOWLEDGED, "TR-0", null, null, 1, Instant.now()));
        String command = ReportCommandJson.resubmit(other, run + "-O1", "ops-anna", "nothing to send again");
        return new Valid(trades, applied, List.of(corrected), List.of(adopted, refused), List.of(outcome), List.of(command));
    }

    /** The valid messages and the poison shuffled together; each poison message's letter expected at its offset. */
    private static List<String> mix(List<String> valid, List<String> poison, String topic, String reason, Map<String, String> letters,
                                    Random random) {
        List<Map.Entry<String, Boolean>> messages = new ArrayList<>();
        valid.forEach(message -> messages.add(Map.entry(message, false)));
        poison.forEach(message -> messages.add(Map.entry(message, true)));
        Collections.shuffle(messages, random);
        List<String> payloads = new ArrayList<>();
        for (Map.Entry<String, Boolean> message : messages) {
            if (message.getValue()) {
                letters.put(topic + "@" + payloads.size(), reason);
            }
            payloads.add(message.getKey());
        }
        return payloads;
    }

    private static List<String> poison(PoisonMessages generator, int count) {
        return generator.next(count).stream().map(RegulatoryReportingPipelineTest::text).toList();
    }

    /** The payload as the Kafka source decodes it. */
    private static String text(PoisonMessages.Poison poison) {
        return new String(poison.payload(), StandardCharsets.UTF_8);
    }

    private static String fuzzEvent() {
        Trade trade = new Trade("FUZZ-1", FUZZ_KEY, TradeType.NEW_TRADE, BigDecimal.TEN, new BigDecimal("12.5"), TODAY, Instant.now(), null,
                "corr-fuzz", null, "trader-fuzz");
        return EventJson.message(Hotpath.apply(Position.empty(), FUZZ_KEY, trade, TODAY, IDS.uti(FUZZ_KEY, "FUZZ-1")).event());
    }

    /**
     * Applied trades whose quantity or price no hotpath applies (zero, negative, too large, too precise, not a number),
     * inside the event's payload where {@link PoisonMessages} does not reach: {@code 1E2147483647} is a BigDecimal
     * whose plain text cannot be made.
     */
    private static List<String> amountPoison() {
        String event = fuzzEvent();
        List<String> poison = new ArrayList<>();
        for (String bad : List.of("1E2147483647", "-1E2147483647", "1e400", "-5", "0", "1.123456789", "1e-400", "NaN", "12,5")) {
            poison.add(changed(event, "\"quantity\":\"10\"", "\"quantity\":\"" + bad + "\""));
            poison.add(changed(event, "\"price\":\"12.5\"", "\"price\":\"" + bad + "\""));
        }
        return poison;
    }

    private static String changed(String message, String from, String to) {
        String changed = message.replace(from, to);
        assertThat(changed).as("%s in %s", from, message).isNotEqualTo(message);
        return changed;
    }

    /** Poison of the applied trades' topic. */
    private static PoisonMessages appliedPoison() {
        return new PoisonMessages(21, fuzzEvent(), List.of(new Field("eventType", Kind.ENUM), new Field("positionKey", Kind.PATTERNED_TEXT),
                new Field("tradeId", Kind.ID_TEXT), new Field("effectiveDate", Kind.DAY), new Field("occurredAt", Kind.INSTANT),
                new Field("payload", Kind.OBJECT)));
    }

    private static PoisonMessages correctedPoison() {
        Position position = Hotpath.apply(Position.empty(), FUZZ_KEY, new Trade("FUZZ-1", FUZZ_KEY, TradeType.NEW_TRADE, BigDecimal.TEN,
                BigDecimal.TEN, TODAY, Instant.now(), null, null, null, null), TODAY).state();
        String corrected = EventJson.message(Hotpath.adopt(position, new Correction(FUZZ_KEY, 1, CorrectionOutcome.CORRECTED, position.lots(),
                BigDecimal.ZERO, new String[] {"FUZZ-0"}, null, "corr-fuzz"), List.of(), BigDecimal.ZERO, true, Instant.now()).event());
        return new PoisonMessages(22, corrected, List.of(new Field("eventType", Kind.ENUM), new Field("positionKey", Kind.PATTERNED_TEXT),
                new Field("payload", Kind.OBJECT)));
    }

    private static PoisonMessages refusalPoison() {
        return new PoisonMessages(23, CorrectionJson.write(Correction.refused(FUZZ_KEY, 3, new String[] {"FUZZ-1"}, "impossible", "corr-fuzz")),
                List.of(new Field("positionKey", Kind.PATTERNED_TEXT), new Field("asOfVersion", Kind.INTEGER), new Field("outcome", Kind.ENUM),
                        new Field("backdatedTradeIds", Kind.OBJECT)));
    }

    private static PoisonMessages outcomePoison() {
        ReportableTrade trade = new ReportableTrade(FUZZ_KEY, "FUZZ-1", IDS.uti(FUZZ_KEY, "FUZZ-1"), TradeType.NEW_TRADE, BigDecimal.TEN,
                new BigDecimal("12.5"), TODAY, Instant.now(), false, "trader-fuzz", "corr-fuzz");
        String outcome = ReportOutcomeJson.write(new ReportOutcome(new TradeReport(trade, IDS.usi(FUZZ_KEY, "FUZZ-1"), 1, ReportAction.NEW,
                false, Initiators.REGULATORY_REPORTING, Instant.now()), ReportStatus.REJECTED, null, "INSTRUMENT_NOT_ELIGIBLE", "no", 1, Instant.now()));
        return new PoisonMessages(24, outcome, List.of(new Field("uti", Kind.PATTERNED_TEXT), new Field("usi", Kind.PATTERNED_TEXT),
                new Field("tradeId", Kind.ID_TEXT), new Field("status", Kind.ENUM), new Field("action", Kind.ENUM), new Field("tradeType", Kind.ENUM),
                new Field("sequence", Kind.INTEGER), new Field("attempts", Kind.INTEGER), new Field("effectiveDate", Kind.DAY),
                new Field("executedAt", Kind.INSTANT), new Field("createdAt", Kind.INSTANT), new Field("answeredAt", Kind.INSTANT)));
    }

    private static PoisonMessages commandPoison() {
        return new PoisonMessages(25, ReportCommandJson.resubmit(FUZZ_KEY, "FUZZ-1", "ops-fuzz", "again"), List.of(
                new Field("command", Kind.ENUM), new Field("positionKey", Kind.PATTERNED_TEXT), new Field("tradeId", Kind.ID_TEXT)));
    }

    private static TradeRepositorySettings settings() {
        return new TradeRepositorySettings(repository.baseUri(), IDS.reportingEntity(), Duration.ofSeconds(2), 10, 3, Duration.ofMillis(100),
                Duration.ofMillis(200), 5, Duration.ofMillis(500));
    }

    private interface Sources {
        Source<com.globeco.trading.messages.SourceMessage, ?, ?> of(String topic, List<String> payloads);
    }

    private static void define(StreamExecutionEnvironment env, Outputs outputs, Map<String, List<String>> topics, Sources sources,
                               TradeRepositorySettings settings) {
        Function<String, Source<com.globeco.trading.messages.SourceMessage, ?, ?>> source = topic -> sources.of(topic,
                topics.getOrDefault(topic, List.of()));
        RegulatoryReportingJob.define(env, new RegulatoryReportingJob.Wiring(source.apply(APPLIED), source.apply(CORRECTED),
                source.apply(CORRECTIONS), source.apply(OUTCOMES), source.apply(COMMANDS), outputs.rows, outputs.outcomes, outputs.deadLetters,
                new ReportingRules(SLA, IDS), IDS, settings, Pipeline.readiness()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The job's outputs as records: its Postgres rows, its outcomes (Kafka) and its dead letters (Kafka). */
    private static final class Outputs {
        final CollectingSink<ReportingRow> rows = new CollectingSink<>();
        final CollectingSink<ReportOutcome> outcomes = new CollectingSink<>();
        final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
    }
}
