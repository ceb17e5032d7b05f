package com.globeco.trading.allocation;

import com.globeco.trading.fills.Fill;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * An execution whose last fill has arrived ({@code isOpen} false), with its portfolio: what the
 * allocation job books. Times are the fix engine's epoch seconds.
 */
public record ClosedExecution(Fill lastFill, String portfolioId) {

    public static boolean isClosing(Fill fill) {
        return !fill.isOpen();
    }

    /** Stable across replays and unique per execution: "AC" and the Execution Service id. */
    public String sourceId() {
        return "AC" + lastFill.executionServiceId();
    }

    /** The business day of the last fill (else of sending, else of receipt) in the given zone. */
    public LocalDate tradeDate(ZoneId businessZone) {
        BigDecimal seconds = firstPresent(lastFill.lastFilledTimestamp(), lastFill.sentTimestamp(), lastFill.receivedTimestamp());
        return toInstant(seconds).atZone(businessZone).toLocalDate();
    }

    /**
     * Every rule of the {@code execution} table this execution breaks (required columns and their
     * widths, the DECIMAL(18, 8) range), and then every rule of the CLI line; empty when both will
     * take it.
     */
    public List<String> violations(ZoneId businessZone) {
        return violations(businessZone, true);
    }

    /**
     * Every rule of {@link #violations} a closing fill breaks that needs no portfolio: what the Allocation API tells
     * before the Trade Service is asked for the portfolio.
     */
    public static List<String> bookingViolations(Fill closing, ZoneId businessZone) {
        return new ClosedExecution(closing, null).violations(businessZone, false);
    }

    private List<String> violations(ZoneId businessZone, boolean withPortfolio) {
        List<String> violations = new ArrayList<>();
        text("executionStatus", lastFill.executionStatus(), 20, violations);
        text("tradeType", lastFill.tradeType(), 10, violations);
        text("destination", lastFill.destination(), 20, violations);
        text("ticker", lastFill.ticker(), 20, violations);
        if (lastFill.receivedTimestamp() == null || lastFill.sentTimestamp() == null) {
            violations.add("receivedTimestamp and sentTimestamp are required to book an execution");
        }
        if (lastFill.averagePrice() == null) {
            violations.add("averagePrice is required to book an execution");
        }
        if (violations.isEmpty()) {
            AccountingLine line = accountingLine(businessZone);
            violations.addAll(withPortfolio ? line.violations() : line.violationsBesidesPortfolio());
        }
        return violations;
    }

    private static void text(String field, String value, int maxLength, List<String> violations) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            violations.add(field + " must have 1 to " + maxLength + " characters, had "
                    + (value == null ? "none" : value.length()));
        }
    }

    public AccountingLine accountingLine(ZoneId businessZone) {
        return new AccountingLine(portfolioId, lastFill.securityId(), sourceId(), lastFill.tradeType(),
                lastFill.quantityFilled(), lastFill.averagePrice(), AccountingLine.date(tradeDate(businessZone)));
    }

    public static Instant toInstant(BigDecimal epochSeconds) {
        if (epochSeconds == null) {
            return null;
        }
        BigDecimal micros = epochSeconds.movePointRight(6).setScale(0, RoundingMode.HALF_UP);
        return Instant.EPOCH.plusNanos(micros.longValueExact() * 1_000);
    }

    private static BigDecimal firstPresent(BigDecimal... candidates) {
        for (BigDecimal candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        throw new IllegalStateException("the fill has no timestamp");
    }
}
