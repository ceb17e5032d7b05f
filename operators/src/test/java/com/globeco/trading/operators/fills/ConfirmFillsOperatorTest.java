package com.globeco.trading.operators.fills;

import com.globeco.trading.execution.RetryPolicy;
import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.fills.DeadLetter;
import com.globeco.trading.fills.Fill;
import com.globeco.trading.fills.InboundFill;
import com.globeco.trading.fills.Outcome;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.execution.ExecutionView;
import com.globeco.trading.testkit.execution.Latency;
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

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static com.globeco.trading.fills.Fills.fill;
import static com.globeco.trading.fills.Fills.inbound;
import static org.assertj.core.api.Assertions.assertThat;

class ConfirmFillsOperatorTest {
    private ExecutionServiceSimulator service;
    private KeyedOneInputStreamOperatorTestHarness<Long, InboundFill, ConfirmationRecord> harness;
    private long execution;
    private long offset;

    @BeforeEach
    void start() throws Exception {
        service = ExecutionServiceSimulator.start();
        execution = service.createExecution(NewExecution.of("BUY", "68336002fe95851f0a2aeda9", 1000));
        harness = open(settings(), null);
    }

    @AfterEach
    void stop() throws Exception {
        service.setErrorRate(0);
        harness.close();
        service.close();
    }

    @Test
    void confirmsAFillAndRemembersTheVersionForTheNext() throws Exception {
        send(fill(execution, 1, "300", "10.5"));
        awaitOutputs(1);
        send(fill(execution, 2, "700", "10.75"));
        awaitOutputs(2);

        assertThat(outcomes()).containsExactly(Outcome.CONFIRMED, Outcome.CONFIRMED);
        assertThat(stored().quantityFilled()).isEqualByComparingTo("700");
        assertThat(stored().version()).isEqualTo(3);
        assertThat(service.requests("GET")).as("only the first fill reads the version").isEqualTo(1);
        assertThat(service.requests("PUT")).isEqualTo(2);
        assertThat(records().get(1).versionBefore()).isEqualTo(2);
        assertThat(records().get(1).versionAfter()).isEqualTo(3);
    }

    @Test
    void anOlderFillArrivingLateNeverRegressesTheExecution() throws Exception {
        service.setLatency(Latency.fixed(Duration.ofMillis(50)));
        send(fill(execution, 2, "700", "10.75"));
        send(fill(execution, 1, "300", "10.5"));
        awaitOutputs(2);

        assertThat(outcomes()).containsExactly(Outcome.CONFIRMED, Outcome.STALE_SKIPPED);
        assertThat(stored().quantityFilled()).isEqualByComparingTo("700");
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
        assertThat(stored().quantityFilled()).isEqualByComparingTo("300");
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
        assertThat(stored().version()).isEqualTo(2);
    }

    @Test
    void aChangeMadeElsewhereIsDetectedThroughTheVersion() throws Exception {
        send(fill(execution, 1, "300", "10.5"));
        awaitOutputs(1);
        putBehindTheJobsBack(900);

        send(fill(execution, 2, "700", "10.75"));
        awaitOutputs(2);

        assertThat(outcomes()).containsExactly(Outcome.CONFIRMED, Outcome.STALE_SKIPPED);
        assertThat(stored().quantityFilled()).isEqualByComparingTo("900");
        assertThat(service.conflicts()).isEqualTo(1);
    }

    @Test
    void failuresAreRetriedOnTimersThenDeadLettered() throws Exception {
        service.setOutage(true);
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
        DeadLetter letter = deadLetters().get(0);
        assertThat(letter.reason()).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(letter.sourceOffset()).isEqualTo(record.sourceOffset());
    }

    @Test
    void anOpenBreakerFailsFillsFastUntilItCloses() throws Exception {
        harness.close();
        harness = open(settings().withRetry(new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), 5)), null);
        service.setOutage(true);
        long[] executions = new long[7];
        for (int i = 0; i < executions.length; i++) {
            executions[i] = service.createExecution(NewExecution.of("BUY", "68336002fe95851f0a2aeda9", 1000));
            send(fill(executions[i], 1, "100", "10"));
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
        harness = open(settings().withRetry(new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), 5)), null);
        service.setLatency(Latency.fixed(Duration.ofMillis(100)));
        service.setErrorRate(1.0);
        for (int other = 0; other < 4; other++) {
            send(fill(service.createExecution(NewExecution.of("BUY", "68336002fe95851f0a2aeda9", 1000)), 1, "10", "10"));
        }
        for (int number = 1; number <= 200; number++) {
            send(fill(execution, number, String.valueOf(number), "10"));
        }
        awaitOutputs(204);

        assertThat(deadLetters()).hasSize(204);
        assertThat(deadLetters()).extracting(DeadLetter::reason).filteredOn("RETRIES_EXHAUSTED"::equals)
                .as("the calls that opened the breaker, and any already under way").hasSizeBetween(5, 10);
        assertThat(deadLetters()).extracting(DeadLetter::reason).filteredOn("CIRCUIT_OPEN"::equals).hasSizeGreaterThan(190);
        assertThat(deadLetters().get(203).sourceOffset()).isEqualTo(offset - 1);
    }

    @Test
    void aFillInterruptedByAFailoverIsConfirmedAfterRestore() throws Exception {
        harness.close();
        harness = open(settings(), null);
        service.setLatency(Latency.fixed(Duration.ofMillis(300)));
        send(fill(execution, 1, "300", "10.5"));
        send(fill(execution, 2, "700", "10.75"));
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        awaitOutputs(1);
        harness.close();

        harness = open(settings(), snapshot);
        awaitOutputs(2);

        assertThat(records()).as("after the restore each fill is decided once more, whatever landed before")
                .extracting(ConfirmationRecord::sourceOffset).containsExactlyInAnyOrder(offset - 2, offset - 1);
        assertThat(outcomes()).isSubsetOf(Outcome.CONFIRMED, Outcome.STALE_SKIPPED);
        assertThat(stored().quantityFilled()).isEqualByComparingTo("700");
        assertThat(service.conflicts() + service.requests("GET")).as("the restored fills re-read the version").isPositive();
    }

    private static ConfirmationSettings settings() {
        return ConfirmationSettings.defaults(null).withBreakerOpenFor(Duration.ofMinutes(1));
    }

    private KeyedOneInputStreamOperatorTestHarness<Long, InboundFill, ConfirmationRecord> open(
            ConfirmationSettings settings, OperatorSubtaskState restored) throws Exception {
        ConfirmationSettings pointed = new ConfirmationSettings(settings.service(), service.baseUri(),
                Duration.ofSeconds(2), settings.maxCallsInFlight(), settings.retry(), settings.breakerFailures(),
                settings.breakerOpenFor(), settings.ledgerTtl());
        var opened = new KeyedOneInputStreamOperatorTestHarness<>(
                new ConfirmFillsOperatorFactory(pointed), new ExecutionKey(), Types.LONG);
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

    private void putBehindTheJobsBack(int quantityFilled) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(service.baseUri().resolve("/api/v1/execution/" + execution))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"quantityFilled\":" + quantityFilled + ",\"averagePrice\":11,\"version\":" + stored().version() + "}"))
                .header("Content-Type", "application/json").build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
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

    private ExecutionView stored() {
        return service.execution(execution).orElseThrow();
    }
}
