package com.globeco.trading.read.http;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Request parameters to typed values, or {@link BadRequest} with the reason: empty, not an integer, out of its range
 * (including beyond a long). A value is echoed back at most {@value #ECHOED} characters long.
 */
public final class Params {
    static final int ECHOED = 40;
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    /** More digits than any long has: out of every range, whatever they say. */
    private static final int LONGEST_LONG = 19;

    private Params() {}

    /** An integer in min..max. */
    public static long integer(String name, String raw, long min, long max) {
        if (raw == null || raw.isEmpty()) {
            throw new BadRequest(name + " is empty: it must be " + range(min, max));
        }
        if (!INTEGER.matcher(raw).matches()) {
            throw new BadRequest(name + " must be " + range(min, max) + ", got '" + echoed(raw) + "'");
        }
        String digits = raw.startsWith("-") ? raw.substring(1) : raw;
        if (digits.length() > LONGEST_LONG + 1 || !within(new BigInteger(raw), min, max)) {
            throw new BadRequest(name + " must be " + range(min, max) + ", got " + echoed(raw));
        }
        return Long.parseLong(raw);
    }

    /** An integer in min..max, {@code fallback} when the parameter is absent. */
    public static long integer(String name, String raw, long fallback, long min, long max) {
        return raw == null ? fallback : integer(name, raw, min, max);
    }

    /** An integer in min..max, empty when the parameter is absent. */
    public static Optional<Long> optionalInteger(String name, String raw, long min, long max) {
        return raw == null ? Optional.empty() : Optional.of(integer(name, raw, min, max));
    }

    /** A database id: 1..2^31-1 (a SERIAL). */
    public static int id(String name, String raw) {
        return (int) integer(name, raw, 1, Integer.MAX_VALUE);
    }

    private static boolean within(BigInteger value, long min, long max) {
        return value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0;
    }

    private static String range(long min, long max) {
        return max == Long.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max;
    }

    /** A parameter as an answer may quote it: at most {@value #ECHOED} characters, control characters as '?'; empty for none. */
    public static String echoed(String raw) {
        if (raw == null) {
            return "";
        }
        String printable = raw.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= ECHOED ? printable : printable.substring(0, ECHOED) + "...";
    }
}
