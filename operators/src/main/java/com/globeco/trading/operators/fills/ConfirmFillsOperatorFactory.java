package com.globeco.trading.operators.fills;

import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.fills.InboundFill;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;

/** Creates {@link ConfirmFillsOperator}s with the task's mailbox, which their answers come back through. */
public final class ConfirmFillsOperatorFactory extends AbstractStreamOperatorFactory<ConfirmationRecord>
        implements OneInputStreamOperatorFactory<InboundFill, ConfirmationRecord> {

    private final ConfirmationSettings settings;

    public ConfirmFillsOperatorFactory(ConfirmationSettings settings) {
        this.settings = settings;
        this.chainingStrategy = ChainingStrategy.ALWAYS;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends StreamOperator<ConfirmationRecord>> T createStreamOperator(
            StreamOperatorParameters<ConfirmationRecord> parameters) {
        return (T) new ConfirmFillsOperator(parameters, settings);
    }

    @Override
    public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader classLoader) {
        return ConfirmFillsOperator.class;
    }
}
