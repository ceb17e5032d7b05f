package com.globeco.trading.operators.fills;

import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.RetryPolicy;
import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.fills.Fill;
import com.globeco.trading.fills.Outcome;
import com.globeco.trading.operators.execution.ExecutionServices;
import com.globeco.trading.operators.execution.WrongExecutionAnswers;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.execution.NewExecution;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.mailbox.Mail;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static com.globeco.trading.fills.Fills.fill;
import static com.globeco.trading.fills.Fills.inbound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The confirmation operator in Flink's keyed harness on RocksDB, against a deterministic in-memory
 * Execution Service (answers at once or held, faults on demand), and once against the simulator over HTTP.
 */
class ConfirmFillsOperatorTest {
    private static final RetryPolicy NO_RETRIES = new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), 5);

    private final FakeExecutionService service = new FakeExecutionService();
    private ExecutionServices services;
    private KeyedOneInputStreamOperatorTestHarness<Long, com.globeco.trading.fills.ValidatedFill, ConfirmationRecord> harness;
    private long execution;
    private long offset;

    @BeforeEach
    void start() throws Exception {
        services = FakeExecutionService.named(getClass().getName() + System.nanoTime(), service);
        execution = service.create("1000");
        harness = open(settings(), null);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void confirmsAFillAndRemembersTheVersionForTheNext() throws Exception {
        send(fill(execution, 1, "300", "10.5"));
        awaitOutputs(1);
        send(fill(execution, 2, "700", "10.75"));
        awaitOutputs(2);

        assertThat(outcomes()).containsExactly(Outcome.CONFIRMED, Outcome.CONFIRMED);
        assertThat(service.stored(execution).quantityFilled()).isEqualByComparingTo("700");
        assertThat(service.stored(execution).version()).isEqualTo(3);
        assertThat(service.requests("GET")).as("only the first fill reads the version").isEqualTo(1);
        assertThat(service.requests("PUT")).isEqualTo(2);
        assertThat(records().get(1).versionBefore()).isEqualTo(2);
        assertThat(records().get(1).versionAfter()).isEqualTo(3);
    }

    @Test
    void confirmsAgainstTheSimulatorOverHttp() throws Exception {
        try (ExecutionServiceSimulator simulator = ExecutionServiceSimulator.start()) {
            long simulated = simulator.createExecution(NewExecution.of("BUY", "68336002fe95851f0a2aeda9", 1000));
            harness.close();
            services = ExecutionServices.http();
            harness = open(pointedAt(settings(), simulator.baseUri()), null);

            send(fill(simulated, 1, "300", "10.5"));
            send(fill(simulated, 2, "700", "10.75"));
            awaitOutputs(2);

            assertThat(outcomes()).containsExactly(Outcome.CONFIRMED, Outcome.CONFIRMED);
            assertThat(simulator.execution(simulated).orElseThrow().quantityFilled()).isEqualByComparingTo("700");
            assertThat(simulator.tracedRequests()).as("every call carries traceparent and X-Correlation-ID").isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(WrongExecutionAnswers.class)
    void aRefusedAnswerIsNeverFollowedByAPutAndEndsAsADeadLetterWithTheReason(WrongExecutionAnswers wrong) throws Exception {
        try (ExecutionServiceSimulator simulator = ExecutionServiceSimulator.start()) {
            long simulated = simulator.createExecution(NewExecution.of("BUY", "68336002fe95851f0a2aeda9", 1000));
            simulator.answerEveryRequestWith(wrong.reply(simulated));
            harness.close();
            services = ExecutionServices.http();
            harness = open(pointedAt(settings(), simulator.baseUri()).withRetry(NO_RETRIES), null);

            send(fill(simulated, 1, "300", "10.5"));
            awaitOutputs(1);

            assertThat(simulator.requests("PUT")).as("no write on a refused answer").isZero();
            assertThat(simulator.requests("GET")).isEqualTo(1);
            assertThat(simulator.execution(simulated).orElseThrow().quantityFilled()).isEqualByComparingTo("0");
            assertThat(outcomes()).containsExactly(Outcome.FAILED);
            assertThat(deadLetters()).singleElement().satisfies(letter -> {
                assertThat(letter.reason()).isEqualTo("RETRIES_EXHAUSTED");
                assertThat(letter.error()).contains("HTTP 200 answer refused: " + wrong.reason());
            });
        }
    }

    @Test
    void anOlderFillArrivingLateNeverRegressesTheExecution() throws Exception {
        send(fill(execution, 2, "700", "10.75"));
        send(fill(execution, 1, "300", "10.5"));
        awaitOutputs(2);

        assertThat(outcomes()).containsExactly(Outcome.CONFIRMED, Outcome.STALE_SKIPPED);
        assertThat(service.stored(execution).quantityFilled()).isEqualByComparingTo("700");
        assertThat(service.requests("PUT")).isEqualTo(1);
    }

    @Test
    void aFillTheLedgerCannotJudgeIsDeadLetteredAndTheNextIsConfirmed() throws Exception {
        Fill valid = fill(execution, 1, "300", "10.5");
        Fill broken = new Fill(valid.id(), valid.executionServiceId(), valid.isOpen(), valid.executionStatus(), valid.tradeType(),
                valid.destination(), valid.securityId(), valid.ticker(), valid.quantity(), valid.receivedTimestamp(),
                valid.sentTimestamp(), valid.lastFilledTimestamp(), null, valid.averagePrice(), 2, valid.totalAmount(), valid.version());
        send(broken);
        send(valid);
        awaitOutputs(2);

        assertThat(outcomes()).containsExactly(Outcome.FAILED, Outcome.CONFIRMED);
        assertThat(deadLetters()).singleElement().satisfies(letter -> assertThat(letter.reason()).isEqualTo("PROCESSING_ERROR"));
        assertThat(service.stored(execution).quantityFilled()).isEqualByComparingTo("300");
    }

    @Test
    void aDuplicateIsRecordedWithoutCallingTheService() throws Exception {
        Fill fill = fill(execution, 1, "300", "10.5");
        send(fill);
        awaitOutputs(1);
        send(fill);
        awaitOutputs(2);

        assertThat(outcomes()).containsExactly(Outcome.CONFIRMED, Outcome.DUPLICATE);
        assertThat(service.requests("PUT")).isEqualTo(1);
        assertThat(service.stored(execution).version()).isEqualTo(2);
    }

    @Test
    void aChangeMadeElsewhereIsDetectedThroughTheVersion() throws Exception {
        send(fill(execution, 1, "300", "10.5"));
        awaitOutputs(1);
        service.writeElsewhere(execution, "900", "11");

        send(fill(execution, 2, "700", "10.75"));
        awaitOutputs(2);

        assertThat(outcomes()).containsExactly(Outcome.CONFIRMED, Outcome.STALE_SKIPPED);
        assertThat(service.stored(execution).quantityFilled()).isEqualByComparingTo("900");
        assertThat(service.conflicts()).isEqualTo(1);
    }

    @Test
    void failuresAreRetriedOnTimersThenDeadLettered() throws Exception {
        service.failWith(new ExecutionAnswer.Refused(503, "Service Unavailable"));
        send(fill(execution, 1, "300", "10.5"));
        for (int retry = 1; retry <= 3; retry++) {
            drainMailboxUntil(() -> harness.numProcessingTimeTimers() == 1);
            harness.setProcessingTime(harness.getProcessingTime() + 10_000);
        }
        awaitOutputs(1);

        ConfirmationRecord record = records().get(0);
        assertThat(record.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(record.attempts()).isEqualTo(4);
        assertThat(record.detail()).contains("gave up after 3 retries").contains("503");
        assertThat(service.requests("GET")).isEqualTo(4);
        DeadLetter letter = deadLetters().get(0);
        assertThat(letter.reason()).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(letter.sourceOffset()).isEqualTo(record.sourceOffset());
    }

    @Test
    @Timeout(60)
    void fillsStillBeingConfirmedWhenTheInputEndsAreDecidedBeforeTheOperatorFinishesTheirRetriesAfterTheirDelay()
            throws Exception {
        long other = service.create("1000");
        long start = harness.getProcessingTime();
        service.hold();
        send(fill(execution, 1, "300", "10.5"));
        send(fill(execution, 2, "700", "10.75"));
        send(fill(other, 1, "100", "10"));
        service.failWith(new ExecutionAnswer.Refused(503, "Service Unavailable"));
        service.release();
        service.failWith(null);
        clockTicking(Duration.ofMillis(10), () -> records().size() >= 3);

        harness.endInput();

        assertThat(records()).as("the two reads in flight, their retries on timers, and the fill waiting behind one")
                .extracting(ConfirmationRecord::sourceOffset, ConfirmationRecord::outcome)
                .containsExactlyInAnyOrder(tuple(offset - 3, Outcome.CONFIRMED), tuple(offset - 2, Outcome.CONFIRMED),
                        tuple(offset - 1, Outcome.CONFIRMED));
        assertThat(records()).as("each retry waited its backoff").extracting(ConfirmationRecord::decidedAtMillis)
                .allSatisfy(decided -> assertThat(decided).isGreaterThanOrEqualTo(start + settings().retry().backoff(1).toMillis()));
        assertThat(service.stored(execution).quantityFilled()).isEqualByComparingTo("700");
        assertThat(service.stored(other).quantityFilled()).isEqualByComparingTo("100");
    }

    @Test
    void anOpenBreakerFailsFillsFastWithoutCallingTheService() throws Exception {
        harness.close();
        harness = open(settings().withRetry(NO_RETRIES), null);
        service.failWith(new ExecutionAnswer.Unreachable("connection refused"));
        for (int i = 0; i < 7; i++) {
            send(fill(service.create("1000"), 1, "100", "10"));
            awaitOutputs(i + 1);
        }

        assertThat(deadLetters()).extracting(DeadLetter::reason).containsExactly(
                "RETRIES_EXHAUSTED", "RETRIES_EXHAUSTED", "RETRIES_EXHAUSTED", "RETRIES_EXHAUSTED", "RETRIES_EXHAUSTED",
                "CIRCUIT_OPEN", "CIRCUIT_OPEN");
        assertThat(service.requests("GET")).as("no calls while open").isEqualTo(5);
    }

    @Test
    void fillsWaitingBehindAFailureAreDeadLetteredInOrderOnceTheBreakerOpens() throws Exception {
        harness.close();
        harness = open(settings().withRetry(NO_RETRIES), null);
        service.failWith(new ExecutionAnswer.Refused(503, "Service Unavailable"));
        for (int other = 0; other < 4; other++) {
            send(fill(service.create("1000"), 1, "10", "10"));
        }
        for (int number = 1; number <= 200; number++) {
            send(fill(execution, number, String.valueOf(number), "10"));
        }
        awaitOutputs(204);

        assertThat(deadLetters()).extracting(DeadLetter::reason)
                .as("the five calls in flight open the breaker; the waiting fills fail fast, none calls")
                .containsExactlyElementsOf(reasons(5, 199));
        assertThat(deadLetters()).extracting(DeadLetter::sourceOffset).as("the waiting fills in arrival order")
                .endsWith(java.util.stream.LongStream.range(offset - 199, offset).boxed().toArray(Long[]::new));
        assertThat(service.requests("GET")).isEqualTo(5);
    }

    @Test
    void aFillInterruptedByAFailoverIsConfirmedAfterRestore() throws Exception {
        service.hold();
        send(fill(execution, 1, "300", "10.5"));
        send(fill(execution, 2, "700", "10.75"));
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();
        service.release();
        harness = open(settings(), snapshot);
        awaitOutputs(2);

        assertThat(records()).as("after the restore each fill is decided once")
                .extracting(ConfirmationRecord::sourceOffset).containsExactly(offset - 2, offset - 1);
        assertThat(outcomes()).containsExactly(Outcome.CONFIRMED, Outcome.CONFIRMED);
        assertThat(service.stored(execution).quantityFilled()).isEqualByComparingTo("700");
        assertThat(service.requests("GET")).as("the held read before the failover, and the read after it").isEqualTo(2);
        assertThat(service.stored(execution).version()).isEqualTo(3);
    }

    @Test
    void aLedgerThatOutlivedItsTimeToLiveWhileTheJobWasStoppedIsGoneAndItsFillIsJudgedByTheService() throws Exception {
        long renewedLater = service.create("1000");
        send(fill(execution, 1, "300", "10.5"));
        awaitOutputs(1);
        harness.setStateTtlProcessingTime(Duration.ofDays(2).toMillis());
        send(fill(renewedLater, 1, "500", "11"));
        awaitOutputs(2);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();
        long putsBefore = service.requests("PUT");

        long eightDaysIn = settings().ledgerTtl().plusDays(1).toMillis();
        harness = open(settings(), snapshot, eightDaysIn);
        send(fill(execution, 1, "300", "10.5"));
        send(fill(renewedLater, 1, "500", "11"));
        awaitOutputs(2);

        assertThat(records()).extracting(ConfirmationRecord::executionServiceId, ConfirmationRecord::outcome, ConfirmationRecord::detail)
                .containsExactlyInAnyOrder(
                        tuple(execution, Outcome.CONFIRMED, "already applied"),
                        tuple(renewedLater, Outcome.DUPLICATE, "fill already handled"));
        assertThat(service.requests("PUT")).as("neither sent again").isEqualTo(putsBefore);
    }

    private static List<String> reasons(int exhausted, int open) {
        List<String> reasons = new java.util.ArrayList<>(Collections.nCopies(exhausted, "RETRIES_EXHAUSTED"));
        reasons.addAll(Collections.nCopies(open, "CIRCUIT_OPEN"));
        return reasons;
    }

    private static ConfirmationSettings pointedAt(ConfirmationSettings settings, java.net.URI uri) {
        return new ConfirmationSettings(settings.service(), uri, Duration.ofSeconds(2), settings.maxCallsInFlight(), settings.retry(),
                settings.breakerFailures(), settings.breakerOpenFor(), settings.ledgerTtl(), settings.answerLimit());
    }

    private static ConfirmationSettings settings() {
        return ConfirmationSettings.defaults(java.net.URI.create("http://fake")).withBreakerOpenFor(Duration.ofMinutes(1));
    }

    private KeyedOneInputStreamOperatorTestHarness<Long, com.globeco.trading.fills.ValidatedFill, ConfirmationRecord> open(
            ConfirmationSettings settings, OperatorSubtaskState restored) throws Exception {
        return open(settings, restored, 0);
    }

    /** A harness whose state time-to-live is judged at {@code ttlTime}, restored from {@code restored} when given. */
    private KeyedOneInputStreamOperatorTestHarness<Long, com.globeco.trading.fills.ValidatedFill, ConfirmationRecord> open(
            ConfirmationSettings settings, OperatorSubtaskState restored, long ttlTime) throws Exception {
        var opened = new KeyedOneInputStreamOperatorTestHarness<>(
                new ConfirmFillsOperatorFactory(settings, services), new ExecutionKey(), Types.LONG);
        opened.setStateTtlProcessingTime(ttlTime);
        opened.setStateBackend(new EmbeddedRocksDBStateBackend());
        ((org.apache.flink.api.common.serialization.SerializerConfigImpl) opened.getExecutionConfig().getSerializerConfig()).setGenericTypes(false);
        if (restored != null) {
            opened.initializeState(restored);
        }
        opened.open();
        return opened;
    }

    private void send(Fill fill) throws Exception {
        harness.processElement(new StreamRecord<>(inbound(fill, 0, offset++)));
    }

    /**
     * Time passing while the operator works its mailbox: a mail, behind those already queued, that moves the
     * processing time on by {@code step} and comes again until {@code done}.
     */
    private void clockTicking(Duration step, BooleanSupplier done) {
        harness.getTaskMailbox().put(new Mail(() -> {
            if (!done.getAsBoolean()) {
                harness.setProcessingTime(harness.getProcessingTime() + step.toMillis());
                clockTicking(step, done);
            }
        }, TaskMailbox.MAX_PRIORITY, "clock"));
    }

    private void awaitOutputs(int count) throws Exception {
        drainMailboxUntil(() -> harness.extractOutputValues().size() >= count);
    }

    private void drainMailboxUntil(BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
            Optional<Mail> mail = harness.getTaskMailbox().tryTake(TaskMailbox.MIN_PRIORITY);
            if (mail.isPresent()) {
                mail.get().run();
            } else {
                Thread.sleep(2);
            }
        }
    }

    private List<ConfirmationRecord> records() {
        return harness.extractOutputValues();
    }

    private List<Outcome> outcomes() {
        return records().stream().map(ConfirmationRecord::outcome).toList();
    }

    private List<DeadLetter> deadLetters() {
        return harness.getSideOutput(ConfirmFillsOperator.FAILED).stream().map(StreamRecord::getValue).toList();
    }
}
