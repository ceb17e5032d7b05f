package com.globeco.trading.operations.accounting;

import com.globeco.trading.operators.sinks.AccountingFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./platform accounting resend <error-file> <directory>}: the lines of a CLI error file (corrected in place, if
 * need be) as a new allocation file in the dispatcher's directory, without the {@code error_message} column, so the
 * dispatcher sends them, and only them, again. The file appears whole (written aside, then moved).
 */
public final class AccountingResend {
    private AccountingResend() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: accounting resend <name>.csv.errors.csv <directory>");
            System.exit(2);
        }
        System.out.println("wrote " + resend(Path.of(args[0]), Path.of(args[1]), Clock.systemUTC()));
    }

    static Path resend(Path errorFile, Path directory, Clock clock) throws IOException {
        List<String> lines = Files.readAllLines(errorFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(errorFile + " is empty");
        }
        int errorColumn = RejectedLine.cells(lines.get(0)).indexOf(RejectedLine.ERROR_COLUMN);
        List<String> resent = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                List<String> cells = RejectedLine.cells(line);
                resent.add(String.join(",", errorColumn >= 0 ? cells.subList(0, errorColumn) : cells));
            }
        }
        String rejectedFrom = errorFile.getFileName().toString().replace(".errors.csv", "").replace(AccountingFiles.SUFFIX, "");
        String name = AccountingFiles.PREFIX + "-resend-" + clock.millis() + "-" + rejectedFrom + AccountingFiles.SUFFIX;
        Path aside = Files.write(directory.resolve("." + name + ".inprogress"), resent, StandardCharsets.UTF_8);
        return Files.move(aside, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
