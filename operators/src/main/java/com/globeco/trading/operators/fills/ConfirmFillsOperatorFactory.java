package com.globeco.trading.operators.fills;

import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.operators.execution.ExecutionServices;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import com.globeco.trading.operators.execution.ExecutionServices;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import com.globeco.trading.operators.execution.ExecutionServices;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import com.globeco.trading.operators.execution.ExecutionServices;
import org.apache.flink.streaming.api.operators.StreamOperator;
import com.globeco.trading.operators.execution.ExecutionServices;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;

/** Creates {@link ConfirmFillsOperator}s with the task's mailbox, which their answers come back through. */
public final class ConfirmFillsOperatorFactory extends AbstractStreamOperatorFactory<ConfirmationRecord>
        implements OneInputStreamOperatorFactory<ValidatedFill, ConfirmationRecord> {

    private final ConfirmationSettings settings;
    private final ExecutionServices services;

    public ConfirmFillsOperatorFactory(ConfirmationSettings settings) {
        this(settings, ExecutionServices.http());
    }

    /** With {@code services} standing for the Execution Service, as tests choose a fake one. */
    public ConfirmFillsOperatorFactory(ConfirmationSettings settings, ExecutionServices services) {
        this.settings = settings;
        this.services = services;
        this.chainingStrategy = ChainingStrategy.ALWAYS;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends StreamOperator<ConfirmationRecord>> T createStreamOperator(
            StreamOperatorParameters<ConfirmationRecord> parameters) {
        return (T) new ConfirmFillsOperator(parameters, settings, services);
    }

    @Override
    public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader classLoader) {
        return ConfirmFillsOperator.class;
    }
}
