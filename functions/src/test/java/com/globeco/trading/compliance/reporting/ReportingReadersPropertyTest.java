package com.globeco.trading.compliance.reporting;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.messages.BrokenMessages;
import com.globeco.trading.messages.BrokenMessages.Field;
import com.globeco.trading.messages.BrokenMessages.Kind;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.positions.Correction;
import com.globeco.trading.positions.CorrectionJson;
import com.globeco.trading.positions.CorrectionOutcome;
import com.globeco.trading.positions.EventJson;
import com.globeco.trading.positions.EventType;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.Initiators;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.TaxLots;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Nothing on the reporting job's inputs stops it: every reader of its topics ({@code trade-applied-events} and
 * {@code historical-position-corrected-events}, {@code position-corrections}, {@code regulatory-report-outcomes},
 * {@code regulatory-report-commands}) and of the Trade Repository's answers reads any text into a reading (or an answer)
 * without throwing; a valid message broken by one defect is rejected; a trade it accepts can be reported; and what the
 * writers write (the hotpath's events, the job's outcomes, a person's command, the coldpath's refusal) reads back as it
 * was. Seeded: the same cases on every run.
 */
class ReportingReadersPropertyTest {
    private static final TradeIdentifiers IDS = TradeIdentifiers.example();
    private static final PositionEventReader EVENTS = new PositionEventReader(IDS);
    private static final ReportingRules RULES = new ReportingRules(Duration.ofMinutes(15), IDS);
    private static final String KEY = "ACC-FUZZ:IBM:USD";
    private static final LocalDate DAY = LocalDate.of(2030, 3, 4);
    private static final Instant AT = Instant.parse("2030-03-04T15:00:00.123456789Z");
    private static final int[] STATUSES = {200, 201, 204, 302, 400, 404, 409, 422, 429, 500, 503, 0, -1, 999};

    /** The readers of the job's five topics, each as its gate reads a payload. */
    private static final List<Function<String, Reading<?>>> READERS = List.of(EVENTS::read, ReportOutcomeJson::read, ReportCommandJson::read,
            CorrectionJson::read);

    private static final BrokenMessages BROKEN_EVENTS = new BrokenMessages(appliedEvent(), List.of(
            new Field("eventType", Kind.ENUM), new Field("positionKey", Kind.PATTERNED_TEXT), new Field("tradeId", Kind.ID_TEXT),
            new Field("effectiveDate", Kind.DAY), new Field("occurredAt", Kind.INSTANT), new Field("payload", Kind.OBJECT),
            new Field("payload.tradeType", Kind.ENUM), new Field("payload.quantity", Kind.DECIMAL_TEXT),
            new Field("payload.price", Kind.DECIMAL_TEXT)));
    private static final BrokenMessages BROKEN_OUTCOMES = new BrokenMessages(outcome(), List.of(
            new Field("status", Kind.ENUM), new Field("attempts", Kind.INTEGER), new Field("answeredAt", Kind.INSTANT),
            new Field("uti", Kind.PATTERNED_TEXT), new Field("usi", Kind.PATTERNED_TEXT), new Field("positionKey", Kind.ID_TEXT),
            new Field("tradeId", Kind.ID_TEXT), new Field("tradeType", Kind.ENUM), new Field("action", Kind.ENUM),
            new Field("sequence", Kind.INTEGER), new Field("effectiveDate", Kind.DAY), new Field("executedAt", Kind.INSTANT),
            new Field("createdAt", Kind.INSTANT)));
    private static final BrokenMessages BROKEN_COMMANDS = new BrokenMessages(command(), List.of(
            new Field("command", Kind.ENUM), new Field("positionKey", Kind.PATTERNED_TEXT), new Field("tradeId", Kind.ID_TEXT),
            new Field("requestedBy", Kind.ID_TEXT)));
    private static final BrokenMessages BROKEN_REFUSALS = new BrokenMessages(refusal(), List.of(
            new Field("positionKey", Kind.PATTERNED_TEXT), new Field("asOfVersion", Kind.INTEGER), new Field("outcome", Kind.ENUM),
            new Field("backdatedTradeIds", Kind.OBJECT), new Field("reason", Kind.TEXT)));
    private static final BrokenMessages BROKEN_ACKNOWLEDGEMENTS = new BrokenMessages(
            "{\"status\":\"ACKNOWLEDGED\",\"submissionId\":\"TR-17\",\"reportId\":\"R-1\"}",
            List.of(new Field("status", Kind.ENUM), new Field("submissionId", Kind.TEXT)));
    private static final BrokenMessages BROKEN_REJECTIONS = new BrokenMessages(
            "{\"status\":\"REJECTED\",\"reasonCode\":\"INSTRUMENT_NOT_ELIGIBLE\",\"reason\":\"not eligible\"}",
            List.of(new Field("status", Kind.ENUM)));

    @Property(tries = 3_000, seed = "20261207")
    void everyReaderReadsAnyTextIntoAReadingWithoutThrowing(@ForAll("texts") String text) {
        for (Function<String, Reading<?>> reader : READERS) {
            assertThat(reader.apply(text)).isInstanceOfAny(Reading.Valid.class, Reading.Rejected.class, Reading.Ignored.class);
        }
        assertReportable(EVENTS.read(text));
        for (int status : STATUSES) {
            RepositoryAnswer answer = RepositoryAnswer.of(status, text);
            assertThat(answer.result()).isNotNull();
            assertAnswerMeans(status, answer);
        }
    }

    @Property(tries = 1_500, seed = "20261207")
    void aValidMessageBrokenByOneDefectIsRejectedWithItsViolations(@ForAll long seed) {
        Random random = new Random(seed);
        assertRejected(BROKEN_EVENTS.next(random), EVENTS::read);
        assertRejected(BROKEN_OUTCOMES.next(random), ReportOutcomeJson::read);
        assertRejected(BROKEN_COMMANDS.next(random), ReportCommandJson::read);
        assertRejected(BROKEN_REFUSALS.next(random), CorrectionJson::read);

        BrokenMessages.Broken acknowledgement = BROKEN_ACKNOWLEDGEMENTS.next(random);
        BrokenMessages.Broken rejection = BROKEN_REJECTIONS.next(random);
        for (int status : new int[] {200, 201}) {
            assertThat(RepositoryAnswer.of(status, acknowledgement.text()).result()).as(acknowledgement.defect()).isEqualTo(SubmissionResult.UNAVAILABLE);
        }
        for (int status : new int[] {409, 422}) {
            assertThat(RepositoryAnswer.of(status, rejection.text()).result()).as(rejection.defect()).isEqualTo(SubmissionResult.UNAVAILABLE);
        }
    }

    @Property(tries = 400, seed = "20261207")
    void theHotpathsEventsReadBackAsTheTradesItAppliedAndResetsAreIgnored(@ForAll long seed) {
        Random random = new Random(seed);
        String key = positionKey(random);
        Position position = Position.empty();
        LocalDate latest = null;
        List<String> backdated = new ArrayList<>();
        int trades = 1 + random.nextInt(12);
        for (int step = 0; step < trades; step++) {
            if (step > 0 && random.nextInt(6) == 0) {
                PositionEvent reset = Hotpath.reset(position, key, new ReferencePrice(ReferencePrice.instrumentOf(key), amount(random, 999_999),
                        instant(random), random.nextBoolean() ? null : text(random, 128))).event();
                assertThat(EVENTS.read(EventJson.message(reset))).isInstanceOf(Reading.Ignored.class);
                continue;
            }
            LocalDate day = DAY.plusDays(random.nextInt(40) - 20);
            BigDecimal open = position.lots().openQuantity();
            TradeType type = step == 0 || open.signum() == 0 ? TradeType.NEW_TRADE
                    : random.nextInt(3) == 0 ? TradeType.DECREASE : TradeType.INCREASE;
            BigDecimal quantity = type == TradeType.DECREASE ? open.min(amount(random, 1_000_000_000)) : amount(random, 1_000_000_000);
            Trade trade = new Trade(identifier(random, 64), key, type, quantity, amount(random, 999_999), day, instant(random),
                    random.nextBoolean() ? null : identifier(random, 64), random.nextBoolean() ? null : text(random, 128), null,
                    random.nextBoolean() ? null : text(random, 128));
            boolean withUti = random.nextBoolean();
            Hotpath.Applied applied = Hotpath.apply(position, key, trade, DAY, withUti ? IDS.uti(key, trade.tradeId()) : null);
            boolean isBackdated = latest != null && day.isBefore(latest);
            if (isBackdated) {
                backdated.add(trade.tradeId());
            } else {
                latest = day;
            }
            position = applied.state();

            Reading<ReportingInput> read = EVENTS.read(EventJson.message(applied.event()));

            ReportableTrade expected = new ReportableTrade(key, trade.tradeId(), IDS.uti(key, trade.tradeId()), type, quantity, trade.price(), day,
                    trade.occurredAt(), isBackdated, trade.userId(), trade.correlationId());
            assertThat(read).as("event %s", applied.event().eventType()).isEqualTo(new Reading.Valid<>(new ReportingInput.Applied(expected)));
            assertReportable(read);
        }
        if (!backdated.isEmpty()) {
            String correlationId = random.nextBoolean() ? null : text(random, 128);
            Correction correction = new Correction(key, position.version(), CorrectionOutcome.CORRECTED, position.lots(), BigDecimal.ZERO,
                    backdated.toArray(String[]::new), null, correlationId);
            PositionEvent corrected = Hotpath.adopt(position, correction, List.of(), BigDecimal.ZERO, true, instant(random)).event();

            Reading<ReportingInput> read = EVENTS.read(EventJson.message(corrected));

            assertThat(read).isInstanceOf(Reading.Valid.class);
            ReportingInput.Settled settled = (ReportingInput.Settled) ((Reading.Valid<ReportingInput>) read).value();
            assertThat(settled.positionKey()).isEqualTo(key);
            assertThat(settled.tradeIds()).containsExactlyElementsOf(backdated);
            assertThat(settled.correlationId()).isEqualTo(correlationId);
        }
    }

    @Property(tries = 1_000, seed = "20261207")
    void theJobsOutcomesReadBackAsTheyWereWritten(@ForAll long seed) {
        Random random = new Random(seed);
        ReportOutcome outcome = randomOutcome(random);

        assertThat(ReportOutcomeJson.read(ReportOutcomeJson.write(outcome))).isEqualTo(new Reading.Valid<>(outcome));
    }

    @Property(tries = 1_000, seed = "20261207")
    void aResubmitCommandReadsBackAsItWasWritten(@ForAll long seed) {
        Random random = new Random(seed);
        String key = positionKey(random);
        String tradeId = identifier(random, 64);
        String by = identifier(random, 128);
        String note = random.nextBoolean() ? null : text(random, 128);

        assertThat(ReportCommandJson.read(ReportCommandJson.resubmit(key, tradeId, by, note)))
                .isEqualTo(new Reading.Valid<>(new ReportingInput.Resubmit(key, tradeId, by, note)));
    }

    @Property(tries = 1_000, seed = "20261207")
    void theColdpathsRefusalReadsBackAsItWasWritten(@ForAll long seed) {
        Random random = new Random(seed);
        String key = positionKey(random);
        String[] tradeIds = new String[1 + random.nextInt(5)];
        for (int index = 0; index < tradeIds.length; index++) {
            tradeIds[index] = identifier(random, 64);
        }
        String reason = text(random, 1_000);
        String correlationId = random.nextBoolean() ? null : text(random, 128);
        long version = 1 + random.nextInt(Integer.MAX_VALUE);

        Reading<Correction> read = CorrectionJson.read(CorrectionJson.write(Correction.refused(key, version, tradeIds, reason, correlationId)));

        assertThat(read).isInstanceOf(Reading.Valid.class);
        Correction refusal = ((Reading.Valid<Correction>) read).value();
        assertThat(refusal.applicable()).isFalse();
        assertThat(refusal.positionKey()).isEqualTo(key);
        assertThat(refusal.asOfVersion()).isEqualTo(version);
        assertThat(refusal.backdatedTradeIds()).containsExactly(tradeIds);
        assertThat(refusal.reason()).isEqualTo(reason);
        assertThat(refusal.correlationId()).isEqualTo(correlationId);
    }

    @Property(tries = 1_000, seed = "20261207")
    void theRepositorysAnswersReadAsItMeansThem(@ForAll long seed) {
        Random random = new Random(seed);
        String submissionId = text(random, 64);
        String code = identifier(random, 40);
        String reason = text(random, 3_000);

        RepositoryAnswer acknowledged = RepositoryAnswer.of(random.nextBoolean() ? 200 : 201,
                "{\"status\":\"ACKNOWLEDGED\",\"submissionId\":" + quoted(submissionId) + ",\"receivedAt\":\"" + AT + "\"}");
        RepositoryAnswer rejected = RepositoryAnswer.of(random.nextBoolean() ? 409 : 422,
                "{\"status\":\"REJECTED\",\"reasonCode\":" + quoted(code) + ",\"reason\":" + quoted(reason) + "}");
        int unavailable = random.nextBoolean() ? 429 : 500 + random.nextInt(100);

        assertThat(acknowledged).isEqualTo(new RepositoryAnswer(SubmissionResult.ACKNOWLEDGED, submissionId, null, null));
        assertThat(rejected.result()).isEqualTo(SubmissionResult.REJECTED);
        assertThat(rejected.reasonCode()).isEqualTo(code);
        assertThat(rejected.reason()).isEqualTo(reason.length() > 2_000 ? reason.substring(0, 2_000) : reason);
        assertThat(RepositoryAnswer.of(unavailable, "{\"status\":\"ACKNOWLEDGED\",\"submissionId\":\"TR-1\"}").result())
                .as("HTTP %d", unavailable).isEqualTo(SubmissionResult.UNAVAILABLE);
    }

    /** Any text: arbitrary Unicode, JSON-like noise, and valid messages with characters dropped, doubled or replaced. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,.0123456789eE+-tfnulraNIy \\\u0000\t").ofMaxLength(120);
        Arbitrary<String> valid = Arbitraries.of(appliedEvent(), correctedEvent(), outcome(), command(), refusal(), corrected());
        Arbitrary<String> mutated = valid.flatMap(message -> Arbitraries.integers().between(0, message.length() - 1)
                .flatMap(at -> Arbitraries.strings().all().ofMaxLength(3).map(inserted -> message.substring(0, at) + inserted
                        + message.substring(Math.min(message.length(), at + 1)))));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, unicode), net.jqwik.api.Tuple.of(3, jsonish), net.jqwik.api.Tuple.of(1, valid),
                net.jqwik.api.Tuple.of(5, mutated));
    }

    private static void assertRejected(BrokenMessages.Broken broken, Function<String, Reading<?>> reader) {
        Reading<?> reading = reader.apply(broken.text());
        assertThat(reading).as("%s: %s", broken.defect(), broken.text().length() > 300 ? broken.text().substring(0, 300) : broken.text())
                .isInstanceOf(Reading.Rejected.class);
        assertThat(((Reading.Rejected<?>) reading).explanation()).isNotBlank();
    }

    /** A trade read from an event can be reported: its report made, sent and its outcome written, without an exception. */
    private static void assertReportable(Reading<ReportingInput> reading) {
        if (!(reading instanceof Reading.Valid<ReportingInput> valid) || !(valid.value() instanceof ReportingInput.Applied applied)) {
            return;
        }
        ReportableTrade trade = applied.trade();
        assertThatCode(() -> {
            TradeReport report = new TradeReport(trade, IDS.usi(trade.positionKey(), trade.tradeId()), 1, ReportAction.NEW, false,
                    Initiators.REGULATORY_REPORTING, AT);
            ReportJson.request(report, IDS.reportingEntity());
            ReportOutcomeJson.write(new ReportOutcome(report, ReportStatus.ACKNOWLEDGED, "TR-1", null, null, 1, AT));
            RULES.on(PositionReports.empty(), applied, AT);
        }).as("reporting %s (quantity %s, price %s)", trade.tradeId(), trade.quantity(), trade.price()).doesNotThrowAnyException();
    }

    /** What an answer may be: only a 2xx saying so acknowledges, only a 409 or 422 saying so rejects. */
    private static void assertAnswerMeans(int status, RepositoryAnswer answer) {
        if (answer.result() == SubmissionResult.ACKNOWLEDGED) {
            assertThat(status).isIn(200, 201);
            assertThat(answer.submissionId()).isNotNull();
        } else if (answer.result() == SubmissionResult.REJECTED) {
            assertThat(status).isIn(409, 422);
            assertThat(answer.reasonCode()).isNotNull();
        } else {
            assertThat(answer.result()).isEqualTo(SubmissionResult.UNAVAILABLE);
        }
    }

    private static ReportOutcome randomOutcome(Random random) {
        String key = positionKey(random);
        String tradeId = identifier(random, 64);
        ReportableTrade trade = new ReportableTrade(key, tradeId, IDS.uti(key, tradeId), TradeType.values()[random.nextInt(TradeType.values().length)],
                amount(random, 1_000_000_000), amount(random, 999_999), DAY.plusDays(random.nextInt(20_000) - 10_000), instant(random),
                random.nextBoolean(), random.nextBoolean() ? null : text(random, 128), random.nextBoolean() ? null : text(random, 128));
        TradeReport report = new TradeReport(trade, IDS.usi(key, tradeId), 1 + random.nextInt(Integer.MAX_VALUE),
                ReportAction.values()[random.nextInt(ReportAction.values().length)], random.nextBoolean(),
                random.nextBoolean() ? null : identifier(random, 128), instant(random));
        ReportStatus status = new ReportStatus[] {ReportStatus.ACKNOWLEDGED, ReportStatus.REJECTED, ReportStatus.FAILED}[random.nextInt(3)];
        return new ReportOutcome(report, status, random.nextBoolean() ? null : text(random, 64), random.nextBoolean() ? null : text(random, 64),
                random.nextBoolean() ? null : text(random, 2_000), random.nextInt(Integer.MAX_VALUE), instant(random));
    }

    private static String appliedEvent() {
        Trade trade = new Trade("FUZZ-1", KEY, TradeType.NEW_TRADE, new BigDecimal("10"), new BigDecimal("101.25"), DAY, AT, null, "corr-1",
                null, "trader-7");
        return EventJson.message(Hotpath.apply(Position.empty(), KEY, trade, DAY, IDS.uti(KEY, "FUZZ-1")).event());
    }

    private static String correctedEvent() {
        Trade first = new Trade("FUZZ-1", KEY, TradeType.NEW_TRADE, BigDecimal.TEN, BigDecimal.TEN, DAY, AT, null, "corr-1", null, null);
        Trade backdated = new Trade("FUZZ-2", KEY, TradeType.INCREASE, BigDecimal.ONE, BigDecimal.TEN, DAY.minusDays(2), AT, null, "corr-2", null, null);
        Position position = Hotpath.apply(Position.empty(), KEY, first, DAY).state();
        position = Hotpath.apply(position, KEY, backdated, DAY).state();
        Correction correction = new Correction(KEY, 2, CorrectionOutcome.CORRECTED, position.lots(), BigDecimal.ZERO, new String[] {"FUZZ-2"},
                null, "corr-2");
        return EventJson.message(Hotpath.adopt(position, correction, List.of(), BigDecimal.ZERO, true, AT).event());
    }

    private static String outcome() {
        ReportableTrade trade = new ReportableTrade(KEY, "FUZZ-1", IDS.uti(KEY, "FUZZ-1"), TradeType.NEW_TRADE, new BigDecimal("10"),
                new BigDecimal("101.25"), DAY, AT, false, "trader-7", "corr-1");
        TradeReport report = new TradeReport(trade, IDS.usi(KEY, "FUZZ-1"), 1, ReportAction.NEW, false, Initiators.REGULATORY_REPORTING, AT);
        return ReportOutcomeJson.write(new ReportOutcome(report, ReportStatus.REJECTED, null, "INSTRUMENT_NOT_ELIGIBLE", "not eligible", 1, AT));
    }

    private static String command() {
        return ReportCommandJson.resubmit(KEY, "FUZZ-1", "ops-anna", "fixed at the repository");
    }

    private static String refusal() {
        return CorrectionJson.write(Correction.refused(KEY, 3, new String[] {"FUZZ-2"}, "a decrease below zero", "corr-2"));
    }

    private static String corrected() {
        TaxLots lots = TaxLots.none().open("FUZZ-1", DAY, BigDecimal.TEN, BigDecimal.TEN);
        return CorrectionJson.write(new Correction(KEY, 3, CorrectionOutcome.CORRECTED, lots, BigDecimal.ZERO, new String[] {"FUZZ-2"}, null,
                "corr-2"));
    }

    private static String positionKey(Random random) {
        return chars(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", 1 + random.nextInt(32)) + ":"
                + chars(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", 1 + random.nextInt(32)) + ":"
                + chars(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3);
    }

    /** 1 to {@code max} characters, not blank, none a control character. */
    private static String identifier(Random random, int max) {
        String text = text(random, max);
        return text.isBlank() ? "X" + text.substring(1) : text;
    }

    /** 1 to {@code max} characters of printable ASCII and some beyond it, none a control character. */
    private static String text(Random random, int max) {
        return chars(random, " !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~éß€漢\u00a0", 1 + random.nextInt(max));
    }

    private static String chars(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int index = 0; index < length; index++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** A positive amount below {@code max} with 0 to 8 decimals, as the hotpath's gate lets through. */
    private static BigDecimal amount(Random random, long max) {
        int scale = random.nextInt(9);
        long units = 1 + (long) (random.nextDouble() * (max - 1));
        BigDecimal value = BigDecimal.valueOf(units).subtract(BigDecimal.valueOf(random.nextInt(1_000_000), 6)).setScale(scale, java.math.RoundingMode.DOWN);
        return value.signum() > 0 ? value : BigDecimal.ONE.setScale(scale);
    }

    private static Instant instant(Random random) {
        return Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) * 2L, random.nextInt(1_000_000_000));
    }

    private static String quoted(String text) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(text).toString();
    }
}
