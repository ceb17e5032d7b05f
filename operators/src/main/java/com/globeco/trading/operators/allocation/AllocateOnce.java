package com.globeco.trading.operators.allocation;

import com.globeco.trading.allocation.AccountingLine;
import com.globeco.trading.allocation.Allocation;
import com.globeco.trading.allocation.ClosedExecution;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.operators.metrics.DeadLetterCounters;
import com.globeco.trading.operators.guard.DataErrors;
import com.globeco.trading.operators.logging.CorrelatedLog;
import com.globeco.trading.operators.logging.StateLifetime;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Books each closed execution once. The fix engine's last fill may come twice, and before or
 * after earlier fills: the first closing fill whose portfolio is known is allocated, later ones
 * are dropped. An execution is marked only when allocated, so a closing fill that ended in the
 * dead-letter topic (no portfolio, Trade Service down) is allocated when it is replayed. The memory lasts a while;
 * what it no longer holds, the booked executions (the {@code execution} table) answer, so a closed execution
 * redelivered at any age is never booked twice.
 */
public final class AllocateOnce extends KeyedProcessFunction<Long, PortfolioLookup, Allocation> implements CheckpointedFunction {
    public static final OutputTag<DeadLetter> UNALLOCATED = new OutputTag<DeadLetter>("unallocated") {};
    public static final String ALLOCATED = "allocated";

    private final Duration memory;
    private final ZoneId businessZone;
    private final String service;
    private final BookedExecutions booked;
    private transient BookedExecutions.Lookup bookings;
    private transient ValueState<Boolean> allocated;
    private transient Counter allocations;
    private transient Counter repeatedClosings;
    private transient DeadLetterCounters deadLetters;
    private transient CorrelatedLog log;
    private transient boolean restored;

    public AllocateOnce(Duration memory, ZoneId businessZone, String service, BookedExecutions booked) {
        this.memory = memory;
        this.businessZone = businessZone;
        this.service = service;
        this.booked = booked;
    }

    /** Whether the execution was allocated, remembered for {@code memory}. */
    public static ValueStateDescriptor<Boolean> allocatedDescriptor(Duration memory) {
        ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>(ALLOCATED, Types.BOOLEAN);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(memory).build());
        return descriptor;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        bookings = booked.open();
        allocated = getRuntimeContext().getState(allocatedDescriptor(memory));
        allocations = getRuntimeContext().getMetricGroup().counter("allocations");
        repeatedClosings = getRuntimeContext().getMetricGroup().counter("repeatedClosingFills");
        deadLetters = new DeadLetterCounters(getRuntimeContext().getMetricGroup());
        log = new CorrelatedLog(LoggerFactory.getLogger(AllocateOnce.class), service);
        if (restored) {
            log.info("-", lifetime(memory).onRestore(Instant.now()));
        }
    }

    /** How long an allocation is remembered, as a restored job reports it. */
    private static StateLifetime lifetime(Duration memory) {
        return new StateLifetime("allocated executions", memory, "their allocation");
    }

    @Override
    public void close() throws Exception {
        if (bookings != null) {
            bookings.close();
        }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        restored = context.isRestored();
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        // the keyed state is all there is, and Flink snapshots it
    }

    @Override
    public void processElement(PortfolioLookup lookup, Context context, Collector<Allocation> out) throws Exception {
        ValidatedFill inbound = lookup.inbound();
        if (allocated.value() != null) {
            repeatedClosings.inc();
            log.info(inbound.correlationId(), "execution {} already allocated; closing fill {} dropped",
                    inbound.executionServiceId(), inbound.message().coordinates());
            return;
        }
        if (bookings.isBooked(inbound.executionServiceId())) {
            allocated.update(true);
            repeatedClosings.inc();
            log.info(inbound.correlationId(), "execution {} already booked in the execution table; closing fill {} dropped",
                    inbound.executionServiceId(), inbound.message().coordinates());
            return;
        }
        if (!lookup.resolved()) {
            unallocated(context, inbound, lookup.failureReason(), lookup.failureDetail());
            return;
        }
        ClosedExecution closed = new ClosedExecution(inbound.fill(), lookup.portfolioId());
        AccountingLine line;
        try {
            List<String> violations = closed.violations(businessZone);
            if (!violations.isEmpty()) {
                unallocated(context, inbound, DeadLetterReason.INVALID_ALLOCATION, String.join("; ", violations));
                return;
            }
            line = closed.accountingLine(businessZone);
        } catch (RuntimeException unexpected) {
            unallocated(context, inbound, DataErrors.PROCESSING_ERROR, DataErrors.describe(unexpected));
            return;
        }
        allocated.update(true);
        allocations.inc();
        log.info(inbound.correlationId(), "execution {} allocated to portfolio {}", inbound.executionServiceId(), lookup.portfolioId());
        out.collect(new Allocation(inbound.fill(), lookup.portfolioId(), line, inbound.correlationId()));
    }

    private void unallocated(Context context, ValidatedFill inbound, DeadLetterReason reason, String detail) {
        log.warn(inbound.correlationId(), "execution {} not allocated ({}): {}", inbound.executionServiceId(), reason, detail);
        deadLetters.count(reason);
        context.output(UNALLOCATED, DeadLetter.of(inbound.message(), String.valueOf(inbound.executionServiceId()),
                reason, detail, inbound.correlationId(), context.timerService().currentProcessingTime()));
    }
}
