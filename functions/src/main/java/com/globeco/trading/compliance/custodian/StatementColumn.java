package com.globeco.trading.compliance.custodian;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The columns of a custodian's holdings statement, in the order they appear; each headed by its name in lower case. */
public enum StatementColumn {
    STATEMENT_DATE,
    ACCOUNT,
    INSTRUMENT,
    CURRENCY,
    QUANTITY,
    AVERAGE_COST,
    MARKET_PRICE,
    LAST_ACTIVITY_DATE;

    /** Separates the fields of a line; no field can hold it, so nothing is quoted. */
    public static final String SEPARATOR = ",";

    public String heading() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first line of every statement. */
    public static String headerLine() {
        return Arrays.stream(values()).map(StatementColumn::heading).collect(Collectors.joining(SEPARATOR));
    }
}
