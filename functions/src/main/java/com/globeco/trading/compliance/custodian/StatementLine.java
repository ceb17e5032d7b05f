package com.globeco.trading.compliance.custodian;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.globeco.trading.messages.Excerpt;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.positions.TradeReader;

/** One data line of a statement read into a holding, or every rule it breaks. */
final class StatementLine {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");
    private static final int COLUMNS = StatementColumn.values().length;

    private final String[] fields;
    private final List<String> violations = new ArrayList<>();

    private StatementLine(String[] fields) {
        this.fields = fields;
    }

    static Reading<CustodianHolding> read(String line) {
        if (line.isBlank()) {
            return Reading.rejected("blank line");
        }
        String[] fields = line.split(StatementColumn.SEPARATOR, -1);
        if (fields.length != COLUMNS) {
            return Reading.rejected("expected " + COLUMNS + " fields, found " + fields.length);
        }
        return new StatementLine(fields).holding();
    }

    private Reading<CustodianHolding> holding() {
        LocalDate statementDate = date(StatementColumn.STATEMENT_DATE);
        String positionKey = positionKey();
        BigDecimal quantity = decimal(StatementColumn.QUANTITY, true);
        BigDecimal averageCost = notNegative(StatementColumn.AVERAGE_COST, decimal(StatementColumn.AVERAGE_COST, true));
        BigDecimal marketPrice = notNegative(StatementColumn.MARKET_PRICE, decimal(StatementColumn.MARKET_PRICE, false));
        LocalDate lastActivityDate = date(StatementColumn.LAST_ACTIVITY_DATE);
        if (!violations.isEmpty()) {
            return new Reading.Rejected<>(violations);
        }
        return new Reading.Valid<>(new CustodianHolding(statementDate, positionKey, quantity, averageCost, marketPrice,
                lastActivityDate));
    }

    private String field(StatementColumn column) {
        return fields[column.ordinal()];
    }

    private LocalDate date(StatementColumn column) {
        try {
            return LocalDate.parse(field(column));
        } catch (DateTimeParseException e) {
            violations.add(column.heading() + " must be a date (YYYY-MM-DD), was " + quoted(column));
            return null;
        }
    }

    private String positionKey() {
        String key = CustodianHolding.positionKey(field(StatementColumn.ACCOUNT), field(StatementColumn.INSTRUMENT),
                field(StatementColumn.CURRENCY));
        if (!TradeReader.POSITION_KEY.matcher(key).matches()) {
            violations.add("account, instrument and currency must make a position key ACCOUNT:INSTRUMENT:CCY, was "
                    + Excerpt.of(key));
            return null;
        }
        return key;
    }

    /** A plain decimal ({@code -12.5}, no exponent); an empty optional field is null. */
    private BigDecimal decimal(StatementColumn column, boolean required) {
        String text = field(column);
        if (text.isEmpty() && !required) {
            return null;
        }
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            violations.add(column.heading() + " must be a plain decimal, was " + quoted(column));
            return null;
        }
        return new BigDecimal(text);
    }

    private BigDecimal notNegative(StatementColumn column, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            violations.add(column.heading() + " must not be negative, was " + quoted(column));
        }
        return value;
    }

    private String quoted(StatementColumn column) {
        return "\"" + Excerpt.of(field(column)) + "\"";
    }
}
