package com.globeco.trading.compliance;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A Legal Entity Identifier (ISO 17442): 18 characters of digits and capitals, then two check digits that make the
 * whole, read as a number with A=10 ... Z=35, equal 1 modulo 97 (ISO 7064 MOD 97-10).
 */
public record Lei(String value) implements Serializable {
    private static final Pattern SHAPE = Pattern.compile("[0-9A-Z]{18}[0-9]{2}");
    private static final int MODULUS = 97;

    public Lei {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an ISO 17442 LEI: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches() && remainder(value) == 1;
    }

    /** The LEI whose first 18 characters are these, with its check digits. */
    public static Lei withCheckDigits(String first18) {
        if (first18 == null || !first18.matches("[0-9A-Z]{18}")) {
            throw new IllegalArgumentException("an LEI starts with 18 digits or capitals: " + first18);
        }
        int check = 98 - remainder(first18 + "00");
        return new Lei(first18 + (check < 10 ? "0" : "") + check);
    }

    /**
     * The characters read as one number (each a digit, A=10 ... Z=35 two digits) modulo 97, digit by digit: what
     * every trade's UTI is checked with, so no big number is made.
     */
    private static int remainder(String characters) {
        int remainder = 0;
        for (int index = 0; index < characters.length(); index++) {
            int digit = Character.digit(characters.charAt(index), 36);
            remainder = (remainder * (digit < 10 ? 10 : 100) + digit) % MODULUS;
        }
        return remainder;
    }

    @Override
    public String toString() {
        return value;
    }
}
