package com.globeco.trading.operators.reporting;

import com.globeco.trading.compliance.reporting.PositionReports;
import com.globeco.trading.compliance.reporting.ReportingInput;
import com.globeco.trading.compliance.reporting.ReportingRow;
import com.globeco.trading.compliance.reporting.ReportingRules;
import com.globeco.trading.compliance.reporting.TradeReport;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.io.IOException;
import java.time.Instant;

/**
 * Keeps each position's reports ({@link ReportingRules}): the reports to send go on to the submission stage, the rows
 * that record them to {@link #ROWS}, and a report waiting for its position's reconciliation gets a timer at its SLA.
 */
public final class PrepareReports extends KeyedProcessFunction<String, ReportingInput, TradeReport> {
    public static final OutputTag<ReportingRow> ROWS = new OutputTag<ReportingRow>("report-rows") {};
    public static final String REPORTS = "position-reports";

    private final ReportingRules rules;
    private transient ValueState<PositionReports> reports;
    private transient Counter waited;
    private transient Counter sentProvisional;

    public PrepareReports(ReportingRules rules) {
        this.rules = rules;
    }

    public static ValueStateDescriptor<PositionReports> descriptor() {
        return new ValueStateDescriptor<>(REPORTS, TypeInformation.of(PositionReports.class));
    }

    @Override
    public void open(OpenContext context) {
        reports = getRuntimeContext().getState(descriptor());
        waited = getRuntimeContext().getMetricGroup().counter("reportsWaitedForReconciliation");
        sentProvisional = getRuntimeContext().getMetricGroup().counter("reportsSentProvisional");
    }

    @Override
    public void processElement(ReportingInput input, Context context, Collector<TradeReport> out) throws IOException {
        Instant now = Instant.ofEpochMilli(context.timerService().currentProcessingTime());
        ReportingRules.Step step = rules.on(current(), input, now);
        step.timers().forEach(at -> context.timerService().registerProcessingTimeTimer(at.toEpochMilli()));
        waited.inc(step.timers().size());
        apply(step, context, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<TradeReport> out) throws IOException {
        ReportingRules.Step step = rules.onTimer(current(), Instant.ofEpochMilli(timestamp));
        sentProvisional.inc(step.send().stream().filter(TradeReport::provisional).count());
        apply(step, context, out);
    }

    private PositionReports current() throws IOException {
        PositionReports stored = reports.value();
        return stored == null ? PositionReports.empty() : stored;
    }

    private void apply(ReportingRules.Step step, Context context, Collector<TradeReport> out) throws IOException {
        if (step.next().isEmpty()) {
            reports.clear();
        } else {
            reports.update(step.next());
        }
        step.rows().forEach(row -> context.output(ROWS, row));
        step.send().forEach(out::collect);
    }
}
