package com.globeco.trading.compliance;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A Unique Transaction Identifier (CPMI-IOSCO, as EMIR and the CFTC use it): the LEI of the entity that generates it,
 * then up to 32 digits or capitals, 52 characters at most.
 */
public record Uti(String value) implements Serializable {
    private static final Pattern SHAPE = Pattern.compile("[0-9A-Z]{21,52}");

    public Uti {
        if (value == null || !SHAPE.matcher(value).matches() || !Lei.isValid(value.substring(0, 20))) {
            throw new IllegalArgumentException("not a UTI (an LEI, then 1 to 32 digits or capitals): " + value);
        }
    }

    public Lei generatedBy() {
        return new Lei(value.substring(0, 20));
    }

    @Override
    public String toString() {
        return value;
    }
}
