package com.globeco.trading.operations.breaks;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ages as people write and read them: {@code 45m}, {@code 2h}, {@code 3d} (or ISO-8601, {@code PT2H}); {@code 3d 4h}. */
final class Ages {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhd])");

    private Ages() {}

    static Duration parse(String text) {
        Matcher matcher = SHORT.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            Duration age = Duration.parse(text);
            if (!age.isNegative()) {
                return age;
            }
        } catch (DateTimeParseException unreadable) {
            // not ISO-8601 either: refused below
        }
        throw new UsageError("an age is a number with s, m, h or d (45m, 2h, 3d) or ISO-8601 (PT2H), not " + text);
    }

    /** The two largest units: {@code 3d 4h}, {@code 5h 12m}, {@code 12m}, {@code 40s}. */
    static String format(Duration age) {
        if (age.isNegative()) {
            return "0s";
        }
        if (age.toDays() > 0) {
            return age.toDays() + "d " + age.toHoursPart() + "h";
        }
        if (age.toHours() > 0) {
            return age.toHours() + "h " + age.toMinutesPart() + "m";
        }
        return age.toMinutes() > 0 ? age.toMinutes() + "m" : age.toSeconds() + "s";
    }
}
