package com.globeco.trading.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of a Portfolio Accounting CLI input file, and the CLI's rules for it. The date is kept as
 * the CLI writes it ({@code yyyyMMdd}), which also keeps the record free of types Flink cannot serialize.
 */
public record AccountingLine(
        String portfolioId,
        String securityId,
        String sourceId,
        String transactionType,
        BigDecimal quantity,
        BigDecimal price,
        String transactionDate) {

    public static final String HEADER = "portfolio_id,security_id,source_id,transaction_type,quantity,price,transaction_date";
    static final Set<String> TRANSACTION_TYPES = Set.of("BUY", "SELL", "SHORT", "COVER", "DEP", "WD", "IN", "OUT");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{24}");
    private static final Pattern DAY = Pattern.compile("\\d{8}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    public static String date(LocalDate date) {
        return date.format(DATE);
    }

    public LocalDate transactionDay() {
        return LocalDate.parse(transactionDate, DATE);
    }

    public String csv() {
        return String.join(",", portfolioId, securityId, sourceId, transactionType,
                quantity.toPlainString(), price.toPlainString(), transactionDate);
    }

    /** Every rule of the CLI format this line breaks; empty when the CLI will accept it. */
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        if (portfolioId == null || !ID.matcher(portfolioId).matches()) {
            violations.add("portfolio_id must be 24 alphanumeric characters, was " + portfolioId);
        }
        violations.addAll(violationsBesidesPortfolio());
        return violations;
    }

    /** Every rule of the CLI format this line breaks but the one of its portfolio. */
    public List<String> violationsBesidesPortfolio() {
        List<String> violations = new ArrayList<>();
        if (securityId == null || !ID.matcher(securityId).matches()) {
            violations.add("security_id must be 24 alphanumeric characters, was " + securityId);
        }
        if (sourceId == null || sourceId.isEmpty() || sourceId.length() > 50) {
            violations.add("source_id must have 1 to 50 characters, was " + sourceId);
        }
        if (!TRANSACTION_TYPES.contains(transactionType)) {
            violations.add("transaction_type must be one of " + TRANSACTION_TYPES + ", was " + transactionType);
        }
        if (quantity == null) {
            violations.add("quantity is required");
        }
        if (price == null || price.signum() <= 0) {
            violations.add("price must be greater than 0, was " + price);
        }
        if (transactionDate == null || !DAY.matcher(transactionDate).matches()) {
            violations.add("transaction_date must be YYYYMMDD, was " + transactionDate);
        }
        return violations;
    }
}
