package com.globeco.trading.testkit.trade;

import java.math.BigDecimal;
import java.util.List;

/** The Trade Service's answer to {@code GET /api/v2/executions}, as it goes over the wire. */
record ExecutionPage(List<TradeExecution> executions, Pagination pagination) {

    private static final int PAGE_SIZE = 50;

    /** All matches on the first page: a filter by executionServiceId finds at most one. */
    static ExecutionPage of(List<TradeExecution> executions) {
        int total = executions.size();
        int pages = total == 0 ? 0 : (total + PAGE_SIZE - 1) / PAGE_SIZE;
        return new ExecutionPage(List.copyOf(executions),
                new Pagination(total, pages, 0, PAGE_SIZE, pages > 1, false));
    }

    record TradeExecution(
            long id,
            String executionTimestamp,
            Code executionStatus,
            Object blotter,
            Code tradeType,
            TradeOrder tradeOrder,
            Code destination,
            long quantityOrdered,
            long quantityPlaced,
            long quantityFilled,
            BigDecimal limitPrice,
            long executionServiceId,
            int version) {
    }

    /** A row of one of the Trade Service's code tables: status, trade type, destination. */
    record Code(int id, String abbreviation, String description, int version) {
    }

    record TradeOrder(long id, long orderId, Portfolio portfolio, Security security) {
    }

    record Portfolio(String portfolioId, String name) {
    }

    record Security(String securityId, String ticker) {
    }

    record Pagination(
            long totalElements,
            int totalPages,
            int currentPage,
            int pageSize,
            boolean hasNext,
            boolean hasPrevious) {
    }
}
