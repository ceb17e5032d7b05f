package com.globeco.trading.operators.logging;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.StringJoiner;

/**
 * How long the entries of a keyed state live, as a restored job reports it: each lives {@code timeToLive} after
 * {@code renewedBy}, judged on the wall clock with any stop included, so those not renewed since the cutoff are gone
 * (savepoints/README.md, "A restore after a long stop").
 *
 * @param entries what one entry is, in the plural ("execution ledgers")
 * @param renewedBy what writes an entry again ("the execution's last settled fill")
 */
public record StateLifetime(String entries, Duration timeToLive, String renewedBy) implements Serializable {

    /** Entries not renewed since this instant have expired by {@code now}. */
    public Instant cutoff(Instant now) {
        return now.minus(timeToLive).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The line a restored subtask logs. */
    public String onRestore(Instant now) {
        return "restored " + entries + " live " + readable(timeToLive) + " after " + renewedBy
                + ", on the wall clock with the stop counted: those not renewed since " + cutoff(now) + " have expired";
    }

    /** "7 days", "30 days 1 hour", "90 minutes". */
    static String readable(Duration duration) {
        StringJoiner parts = new StringJoiner(" ");
        part(parts, duration.toDaysPart(), "day");
        part(parts, duration.toHoursPart(), "hour");
        part(parts, duration.toMinutesPart(), "minute");
        part(parts, duration.toSecondsPart(), "second");
        return parts.length() == 0 ? "0 seconds" : parts.toString();
    }

    private static void part(StringJoiner parts, long count, String unit) {
        if (count > 0) {
            parts.add(count + " " + unit + (count == 1 ? "" : "s"));
        }
    }

    /** The line a restored subtask logs once it counted its entries. */
    public String onRestore(Instant now, long kept, long expired) {
        return onRestore(now) + " (" + expired + " expired, " + kept + " kept)";
    }
}
