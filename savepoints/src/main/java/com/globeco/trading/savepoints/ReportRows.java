package com.globeco.trading.savepoints;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.compliance.reporting.PositionReports;
import com.globeco.trading.compliance.reporting.ReportedTrade;
import com.globeco.trading.operators.reporting.PrepareReports;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/**
 * The regulatory reporting job's state of one position: the backdated trades it waits to have corrected, and each trade
 * whose report is not settled for good, one column a field: its last report (id, action, whether provisional, who asked
 * for it), where that stands, whether the repository holds the trade, since when it has waited for the position's
 * reconciliation and what is due once the report in flight is answered.
 */
final class ReportRows extends KeyedStateReaderFunction<String, String> {
    private transient ValueState<PositionReports> reports;

    @Override
    public void open(OpenContext context) {
        reports = getRuntimeContext().getState(PrepareReports.descriptor());
    }

    @Override
    public void readKey(String positionKey, Context context, Collector<String> out) throws Exception {
        PositionReports position = reports.value();
        if (position == null) {
            return;
        }
        ObjectNode row = StateJson.row("positionKey", positionKey).put("provisional", position.provisional());
        row.set("outstandingBackdatedTrades", StateJson.JSON.valueToTree(position.outstanding()));
        ObjectNode trades = row.putObject("trades");
        ArrayNode ids = trades.putArray("tradeIds");
        ArrayNode reportIds = trades.putArray("reportIds");
        ArrayNode actions = trades.putArray("actions");
        ArrayNode provisional = trades.putArray("provisional");
        ArrayNode statuses = trades.putArray("statuses");
        ArrayNode held = trades.putArray("held");
        ArrayNode waitingSince = trades.putArray("waitingSince");
        ArrayNode queued = trades.putArray("queued");
        ArrayNode requestedBy = trades.putArray("requestedBy");
        for (ReportedTrade trade : position.trades()) {
            ids.add(trade.tradeId());
            reportIds.add(trade.last().reportId());
            actions.add(trade.last().action().name());
            provisional.add(trade.last().provisional());
            statuses.add(trade.status().name());
            held.add(trade.held());
            waitingSince.add(trade.waitingSince() == null ? null : trade.waitingSince().toString());
            queued.add(trade.queued() == null ? null : trade.queued().name());
            requestedBy.add(trade.last().requestedBy());
        }
        out.collect(StateJson.line(row));
    }
}
