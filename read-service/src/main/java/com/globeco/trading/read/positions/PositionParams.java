package com.globeco.trading.read.positions;

import com.globeco.trading.positions.TradeReader;
import com.globeco.trading.read.http.BadRequest;
import com.globeco.trading.read.http.Params;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The positions API's parameters to typed values, or {@link BadRequest} with the reason. */
public final class PositionParams {
    /** A portfolio (the key's account) or an instrument, as a position key's parts are written. */
    private static final Pattern KEY_PART = Pattern.compile("[A-Z0-9._-]{1,32}");

    private PositionParams() {}

    public static String positionKey(String raw) {
        if (raw == null || !TradeReader.POSITION_KEY.matcher(raw).matches()) {
            throw new BadRequest("a position key is ACCOUNT:INSTRUMENT:CCY (capitals, digits, . _ -), got '" + Params.echoed(raw) + "'");
        }
        return raw;
    }

    static Optional<String> keyPart(String name, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (!KEY_PART.matcher(raw).matches()) {
            throw new BadRequest(name + " is 1 to 32 capitals, digits, '.', '_' or '-', got '" + Params.echoed(raw) + "'");
        }
        return Optional.of(raw);
    }

    static Optional<LocalDate> day(String name, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(raw);
            if (day.getYear() < 1 || day.getYear() > 9999) {
                throw new BadRequest(name + " must be in the years 1 to 9999, got " + Params.echoed(raw));
            }
            return Optional.of(day);
        } catch (DateTimeParseException malformed) {
            throw new BadRequest(name + " must be a date YYYY-MM-DD, got '" + Params.echoed(raw) + "'");
        }
    }

    static LocalDate requiredDay(String name, String raw) {
        return day(name, raw).orElseThrow(() -> new BadRequest(name + " is required: a date YYYY-MM-DD"));
    }

    public static Optional<Instant> instant(String name, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(raw));
        } catch (DateTimeParseException malformed) {
            throw new BadRequest(name + " must be an ISO-8601 instant such as 2026-03-02T10:15:30Z, got '" + Params.echoed(raw) + "'");
        }
    }
}
