package com.globeco.trading.compliance.custodian;

import com.globeco.trading.types.LocalDates;
import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import com.globeco.trading.positions.TradeReader;

/**
 * One position as the custodian holds it at the end of the statement date (trade-date holdings).
 *
 * @param positionKey      {@code ACCOUNT:INSTRUMENT:CCY}, as our positions are keyed
 * @param quantity         may be negative: the custodian reports what it holds, as it holds it
 * @param marketPrice      null when the custodian has no price for the instrument
 * @param lastActivityDate the effective date of the latest trade that touched the position
 */
public record CustodianHolding(@TypeInfo(LocalDates.class) LocalDate statementDate, String positionKey, BigDecimal quantity,
        BigDecimal averageCost, BigDecimal marketPrice, @TypeInfo(LocalDates.class) LocalDate lastActivityDate) {

    private static final String KEY_SEPARATOR = ":";

    public CustodianHolding {
        Objects.requireNonNull(statementDate, "statementDate");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averageCost, "averageCost");
        Objects.requireNonNull(lastActivityDate, "lastActivityDate");
        if (positionKey == null || !TradeReader.POSITION_KEY.matcher(positionKey).matches()) {
            throw new IllegalArgumentException("positionKey must look like ACCOUNT:INSTRUMENT:CCY, was " + positionKey);
        }
    }

    public static String positionKey(String account, String instrument, String currency) {
        return String.join(KEY_SEPARATOR, account, instrument, currency);
    }

    public String account() {
        return keyPart(0);
    }

    public String instrument() {
        return keyPart(1);
    }

    public String currency() {
        return keyPart(2);
    }

    private String keyPart(int index) {
        return positionKey.split(KEY_SEPARATOR)[index];
    }
}
