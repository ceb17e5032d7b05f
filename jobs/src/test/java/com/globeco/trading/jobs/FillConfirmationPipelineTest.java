package com.globeco.trading.jobs;

import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.fills.Outcome;
import com.globeco.trading.jobs.pipeline.BoundedSources;
import com.globeco.trading.jobs.pipeline.CollectingSink;
import com.globeco.trading.jobs.pipeline.Pipeline;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.execution.Latency;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The fill-confirmation job through its seam: fills from a collection, audit rows and dead letters collected in
 * memory, the Execution Service simulated in process. No broker, no database; the job ends when the fills are read and
 * every fill it read is decided.
 */
class FillConfirmationPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 2);

    private static ExecutionServiceSimulator service;
    private FillGenerator generator;

    @BeforeAll
    static void startService() {
        service = ExecutionServiceSimulator.start();
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @BeforeEach
    void healthyService() {
        service.clearFaults();
        service.setOutage(false);
        service.setLatency(Latency.fixed(Duration.ofMillis(1)));
        generator = new FillGenerator(TestFlink.nextRun(), ExecutionRegistry.inProcess(service));
    }

    @Test
    void shuffledAndRepeatedFillsAreEachAuditedOnceAndEveryExecutionEndsAtItsTotals() throws Exception {
        List<GeneratedExecution> executions = generator.executions(30);
        List<String> fills = new FillOracle(executions, service).fills();
        Random random = new Random(11);
        List<String> messages = new ArrayList<>(fills);
        fills.stream().filter(fill -> random.nextInt(4) == 0).forEach(messages::add);
        Collections.shuffle(messages, random);

        Outputs outputs = run(messages, 2);

        assertThat(outputs.audit()).hasSize(messages.size());
        assertThat(outputs.audit()).extracting(ConfirmationRecord::sourceOffset).doesNotHaveDuplicates();
        assertThat(outputs.audit()).extracting(ConfirmationRecord::outcome)
                .contains(Outcome.DUPLICATE).isSubsetOf(Outcome.CONFIRMED, Outcome.DUPLICATE, Outcome.STALE_SKIPPED);
        assertThat(outputs.deadLetters()).isEmpty();
        new FillOracle(executions, service).assertEveryExecutionMatches(outputs.rows());
    }

    @Test
    void brokenFillsAndFillsOfUnknownExecutionsAreAuditedAndDeadLetteredWithTheirReason() throws Exception {
        GeneratedExecution execution = generator.executions(1).get(0);
        String valid = FillPoison.VALID;
        List<String> broken = List.of(
                "not json at all",
                valid.replace("\"executionServiceId\":2000000000,", ""),
                valid.replace("\"quantityFilled\":50", "\"quantityFilled\":\"fifty\""),
                valid.replace("\"executionServiceId\":2000000000", "\"executionServiceId\":-3"),
                valid.replace("\"quantity\":100", "\"quantity\":10"));
        List<String> messages = new ArrayList<>(execution.fillsJson());
        messages.addAll(broken);
        messages.add(valid);
        messages.add(execution.lastFill());

        Outputs outputs = run(messages, 1);

        Map<String, String> reasons = outputs.deadLetters().stream().collect(Collectors.toMap(DeadLetter::payload, DeadLetter::reason));
        assertThat(reasons).containsOnly(
                entry(broken.get(0), "MALFORMED_JSON"),
                entry(broken.get(1), "MISSING_FIELD"),
                entry(broken.get(2), "INVALID_TYPE"),
                entry(broken.get(3), "OUT_OF_RANGE"),
                entry(broken.get(4), "BUSINESS_RULE"),
                entry(valid, "EXECUTION_NOT_FOUND"));
        assertThat(outputs.deadLetters()).allSatisfy(letter -> assertThat(letter.error()).isNotBlank());
        assertThat(outputs.audit()).hasSize(messages.size());
        Map<Long, Outcome> outcomes = outputs.audit().stream()
                .collect(Collectors.toMap(ConfirmationRecord::sourceOffset, ConfirmationRecord::outcome));
        int fills = execution.fillsJson().size();
        for (int offset = fills; offset < fills + broken.size(); offset++) {
            assertThat(outcomes.get((long) offset)).as("broken message at %d", offset).isEqualTo(Outcome.INVALID);
        }
        assertThat(outcomes.get((long) fills + broken.size())).as("the fill of an unknown execution").isEqualTo(Outcome.FAILED);
        assertThat(outcomes.get((long) messages.size() - 1)).as("the closing fill again").isEqualTo(Outcome.DUPLICATE);
        new FillOracle(List.of(execution), service).assertEveryExecutionMatches(outputs.rows());
    }

    @Test
    void anExecutionServiceOutageDeadLettersEveryFillAndOpensTheBreakerWithoutFailingTheJob() throws Exception {
        List<String> fills = new FillOracle(generator.withZeroFillShare(0).executions(10), service).fills();
        service.setOutage(true);

        Outputs outputs = run(fills, 1);

        assertThat(outputs.audit()).hasSize(fills.size()).extracting(ConfirmationRecord::outcome).containsOnly(Outcome.FAILED);
        assertThat(outputs.deadLetters()).hasSize(fills.size())
                .extracting(DeadLetter::reason).isSubsetOf("RETRIES_EXHAUSTED", "CIRCUIT_OPEN").contains("CIRCUIT_OPEN");
        assertThat(outputs.deadLetters()).extracting(DeadLetter::payload).containsExactlyInAnyOrderElementsOf(fills);
    }

    @Test
    void fillsStillBeingConfirmedWhenTheInputEndsEachGetTheirAuditRowRetriesIncluded() throws Exception {
        List<GeneratedExecution> executions = generator.withZeroFillShare(0).executions(20);
        List<String> fills = new FillOracle(executions, service).fills();
        service.setLatency(Latency.fixed(Duration.ofMillis(20)));
        service.setErrorRate(0.2);
        service.resetStats();

        Outputs outputs = run(fills, 2);

        assertThat(outputs.audit()).as("the source reads every fill long before the last answer; none is dropped at its end")
                .hasSize(fills.size()).extracting(ConfirmationRecord::sourceOffset).doesNotHaveDuplicates();
        assertThat(service.requests("PUT")).as("some writes were answered 503, and retried on a timer")
                .isGreaterThan(service.puts200() + service.conflicts());
        assertThat(outputs.audit()).as("two source subtasks may hand an execution's fills over out of order: an older one is then stale")
                .extracting(ConfirmationRecord::outcome).isSubsetOf(Outcome.CONFIRMED, Outcome.STALE_SKIPPED, Outcome.FAILED);
        assertThat(outputs.deadLetters()).hasSize((int) outputs.audit().stream().filter(record -> record.outcome() == Outcome.FAILED).count());
    }

    private record Outputs(List<ConfirmationRecord> audit, List<DeadLetter> deadLetters) {
        List<AuditTable.Row> rows() {
            return audit.stream().map(record -> new AuditTable.Row(record.sourcePartition(), record.sourceOffset(),
                    record.executionServiceId(), record.quantityFilled(), record.outcome(), record.detail(),
                    record.versionBefore(), record.versionAfter())).toList();
        }
    }

    private static Outputs run(List<String> fills, int parallelism) throws Exception {
        CollectingSink<ConfirmationRecord> audit = new CollectingSink<>();
        CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
        FillConfirmationJob.Wiring wiring = new FillConfirmationJob.Wiring(BoundedSources.messages("fills", fills), audit, deadLetters,
                ConfirmationSettings.defaults(service.baseUri()), Pipeline.readiness());
        Pipeline.run(FillConfirmationJob.NAME, parallelism, env -> FillConfirmationJob.define(env, wiring));
        return new Outputs(audit.received(), deadLetters.received());
    }
}
