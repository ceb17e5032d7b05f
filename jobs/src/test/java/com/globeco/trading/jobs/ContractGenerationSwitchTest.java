package com.globeco.trading.jobs;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --contract-service.enabled false} leaves contract generation and its retries out of the hotpath, and nothing else. */
class ContractGenerationSwitchTest {
    private static final Set<String> CONTRACT_OPERATORS = Set.of(TradeHotpathJob.Uid.GENERATE_CONTRACTS,
            TradeHotpathJob.Uid.TRADE_CONTRACTS_SINK, TradeHotpathJob.Uid.CONTRACT_RETRY_SOURCE, TradeHotpathJob.Uid.RETRY_CONTRACTS,
            TradeHotpathJob.Uid.LATE_CONTRACTS_SINK, TradeHotpathJob.Uid.UNDELIVERED_CONTRACTS);

    @Test
    void withoutContractGenerationTheJobHasEveryOtherOperator() {
        Set<String> enabled = operatorUids("true");
        Set<String> disabled = operatorUids("false");

        assertThat(enabled).containsAll(CONTRACT_OPERATORS).contains(TradeHotpathJob.Uid.KEEP_POSITIONS, TradeHotpathJob.Uid.TRADE_EVENTS_DLQ_SINK);
        assertThat(disabled).doesNotContainAnyElementsOf(CONTRACT_OPERATORS);
        assertThat(enabled).containsAll(disabled);
    }

    private static Set<String> operatorUids(String contractGeneration) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        TradeHotpathJob.define(env, TradeHotpathOptions.from("--kafka.bootstrap-servers", "localhost:9", "--contract-service.enabled",
                contractGeneration).wiring());
        return env.getStreamGraph().getStreamNodes().stream().map(StreamNode::getTransformationUID).collect(Collectors.toSet());
    }
}
