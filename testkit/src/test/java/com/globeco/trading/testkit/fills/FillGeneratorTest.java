package com.globeco.trading.testkit.fills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import org.junit.jupiter.api.Test;

class FillGeneratorTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static ExecutionRegistry countingRegistry() {
        AtomicLong ids = new AtomicLong(1000);
        return spec -> ids.incrementAndGet();
    }

    private static List<JsonNode> parse(GeneratedExecution execution) {
        return execution.fillsJson().stream().map(FillGeneratorTest::parse).collect(Collectors.toList());
    }

    private static JsonNode parse(String fill) {
        try {
            return JSON.readTree(fill);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void fillsCarryExactlyTheFixEngineFields() {
        GeneratedExecution execution = new FillGenerator(1, countingRegistry()).nextExecution();

        JsonNode last = parse(execution.lastFill());

        assertThat(last.fieldNames()).toIterable().containsExactly("id", "executionServiceId", "isOpen",
                "executionStatus", "tradeType", "destination", "securityId", "ticker", "quantity",
                "receivedTimestamp", "sentTimestamp", "lastFilledTimestamp", "quantityFilled", "averagePrice",
                "numberOfFills", "totalAmount", "version");
        assertThat(last.get("securityId").asText()).matches("[0-9a-f]{24}");
        assertThat(last.get("tradeType").asText()).isIn("BUY", "SELL");
        assertThat(last.get("quantity").isIntegralNumber()).isTrue();
        assertThat(last.get("lastFilledTimestamp").decimalValue().scale()).isBetween(1, 6);
        assertThat(last.get("version").asInt()).isEqualTo(1);
        assertThat(last.get("executionServiceId").asLong()).isEqualTo(execution.executionServiceId());
    }

    @Test
    void fillsOfOneExecutionAreCumulativeAndEndClosedAndFull() {
        for (GeneratedExecution execution : new FillGenerator(2, countingRegistry()).executions(300)) {
            List<JsonNode> fills = parse(execution);
            long previousFilled = 0;
            int previousCount = 0;
            for (JsonNode fill : fills) {
                assertThat(fill.get("id").asLong()).isEqualTo(execution.fixId());
                assertThat(fill.get("quantityFilled").asLong()).isGreaterThanOrEqualTo(previousFilled);
                assertThat(fill.get("numberOfFills").asInt()).isBetween(previousCount, previousCount + 1);
                previousFilled = fill.get("quantityFilled").asLong();
                previousCount = fill.get("numberOfFills").asInt();
            }
            JsonNode last = fills.get(fills.size() - 1);
            assertThat(last.get("isOpen").asBoolean()).isFalse();
            assertThat(last.get("executionStatus").asText()).isEqualTo("FULL");
            assertThat(fills.subList(0, fills.size() - 1))
                    .allSatisfy(fill -> assertThat(fill.get("isOpen").asBoolean()).isTrue());
            assertThat(fills.size()).isBetween(last.get("numberOfFills").asInt(), Integer.MAX_VALUE);
            assertThat(last.get("numberOfFills").asInt()).isBetween(1, 5);
        }
    }

    @Test
    void zeroFillsComeFirstWithoutAveragePrice() {
        for (GeneratedExecution execution : new FillGenerator(3, countingRegistry()).executions(300)) {
            boolean realFillSeen = false;
            for (JsonNode fill : parse(execution)) {
                boolean zeroFill = fill.get("quantityFilled").asLong() == 0;
                if (zeroFill) {
                    assertThat(realFillSeen).isFalse();
                    assertThat(fill.has("averagePrice")).isFalse();
                    assertThat(fill.get("numberOfFills").asInt()).isZero();
                    assertThat(fill.get("executionStatus").asText()).isEqualTo("WORK");
                } else {
                    realFillSeen = true;
                    assertThat(fill.has("averagePrice")).isTrue();
                    assertThat(fill.get("executionStatus").asText()).isIn("PART", "FULL");
                }
            }
        }
    }

    @Test
    void aboutFivePercentOfFillsAreZeroFills() {
        List<JsonNode> fills = new FillGenerator(4, countingRegistry()).executions(3000).stream()
                .flatMap(execution -> parse(execution).stream())
                .collect(Collectors.toList());

        long zeroFills = fills.stream().filter(fill -> fill.get("quantityFilled").asLong() == 0).count();

        assertThat((double) zeroFills / fills.size()).isCloseTo(0.05, within(0.01));
    }

    @Test
    void theOracleMatchesTheLastFillAndTotalsAgree() {
        for (GeneratedExecution execution : new FillGenerator(5, countingRegistry()).executions(300)) {
            JsonNode last = parse(execution.lastFill());
            BigDecimal quantityFilled = last.get("quantityFilled").decimalValue();
            BigDecimal averagePrice = last.get("averagePrice").decimalValue();

            assertThat(quantityFilled).isEqualByComparingTo(BigDecimal.valueOf(execution.quantity()));
            assertThat(quantityFilled).isEqualByComparingTo(execution.expectedQuantityFilled());
            assertThat(averagePrice).isEqualByComparingTo(execution.expectedAveragePrice());
            assertThat(averagePrice).isBetween(BigDecimal.ONE, BigDecimal.valueOf(1000));
            assertThat(averagePrice.stripTrailingZeros().scale()).isLessThanOrEqualTo(4);
            assertThat(last.get("totalAmount").decimalValue())
                    .isEqualByComparingTo(quantityFilled.multiply(averagePrice));
            assertThat(execution.quantity()).isBetween(100L, 10_000L);
        }
    }

    @Test
    void theSameSeedGivesTheSameFills() {
        List<GeneratedExecution> first = new FillGenerator(6, countingRegistry()).executions(50);
        List<GeneratedExecution> second = new FillGenerator(6, countingRegistry()).executions(50);

        assertThat(first).isEqualTo(second);
    }

    @Test
    void maxFillsPerExecutionIsConfigurable() {
        List<GeneratedExecution> executions = new FillGenerator(7, countingRegistry())
                .withMaxFillsPerExecution(1)
                .withZeroFillShare(0)
                .executions(50);

        assertThat(executions).allSatisfy(execution -> assertThat(execution.fillsJson()).hasSize(1));
    }

    @Test
    void executionsAreCreatedOnTheSimulatorOverHttp() {
        try (ExecutionServiceSimulator simulator = ExecutionServiceSimulator.start()) {
            List<GeneratedExecution> executions =
                    new FillGenerator(8, ExecutionRegistry.overHttp(simulator.baseUri())).executions(5);

            assertThat(simulator.requests("POST")).isEqualTo(5);
            assertThat(executions).allSatisfy(execution ->
                    assertThat(simulator.execution(execution.executionServiceId())).hasValueSatisfying(view -> {
                        assertThat(view.quantity()).isEqualByComparingTo(BigDecimal.valueOf(execution.quantity()));
                        assertThat(view.version()).isEqualTo(1);
                    }));
        }
    }

    @Test
    void interleavingKeepsEachExecutionsOrder() {
        List<GeneratedExecution> executions = new FillGenerator(9, countingRegistry()).executions(20);

        List<String> merged = Interleaving.interleave(executions, 1);

        assertThat(merged).hasSize(executions.stream().mapToInt(e -> e.fillsJson().size()).sum());
        for (GeneratedExecution execution : executions) {
            assertThat(merged).containsSubsequence(execution.fillsJson());
        }
        assertThat(merged).isNotEqualTo(executions.stream().flatMap(e -> e.fillsJson().stream())
                .collect(Collectors.toList()));
    }
}
