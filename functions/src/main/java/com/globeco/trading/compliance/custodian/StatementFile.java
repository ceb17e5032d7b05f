package com.globeco.trading.compliance.custodian;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a statement file is named: {@code custodian-positions-<YYYYMMDD>.csv}, the date being the statement's. A file
 * still being written ({@code .part}) has another name, so whoever lists the drop directory never sees it.
 */
public final class StatementFile {

    private static final String PREFIX = "custodian-positions-";
    private static final String SUFFIX = ".csv";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{8})" + Pattern.quote(SUFFIX));

    private StatementFile() {
    }

    public static String nameFor(LocalDate statementDate) {
        return PREFIX + statementDate.format(DateTimeFormatter.BASIC_ISO_DATE) + SUFFIX;
    }

    /** The statement date a file's name carries, empty when it is not a statement's name. */
    public static Optional<LocalDate> dateOf(Path file) {
        Path name = file.getFileName();
        Matcher matcher = NAME.matcher(name == null ? "" : name.toString());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(matcher.group(1), DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
