package com.globeco.trading.compliance.custodian;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.globeco.trading.messages.Excerpt;
import com.globeco.trading.messages.Reading;

/**
 * A custodian's end-of-day holdings statement, read line by line: the holdings of every good line and a problem for
 * every bad one, never an exception for what a line holds. A file whose header is not {@link StatementColumn#headerLine()}
 * yields no holdings at all, since its columns cannot be trusted. A position listed twice is a problem on its second
 * line.
 */
public record CustodianStatement(List<CustodianHolding> holdings, List<StatementProblem> problems) {

    private static final int HEADER_LINE = 1;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    public CustodianStatement {
        holdings = List.copyOf(holdings);
        problems = List.copyOf(problems);
    }

    /**
     * A statement file, UTF-8; when its name is a statement's ({@link StatementFile}), a line dated otherwise than the
     * name is a problem.
     */
    public static CustodianStatement read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, StatementFile.dateOf(file));
        }
    }

    public static CustodianStatement parse(Reader reader) throws IOException {
        return parse(reader, Optional.empty());
    }

    private static CustodianStatement parse(Reader reader, Optional<LocalDate> fileDate) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
        Collector collector = new Collector(fileDate);
        String header = lines.readLine();
        if (header == null) {
            collector.problem(HEADER_LINE, "empty file: the header " + StatementColumn.headerLine() + " is missing");
            return collector.statement();
        }
        if (!withoutByteOrderMark(header).equals(StatementColumn.headerLine())) {
            collector.problem(HEADER_LINE, "the header must be " + StatementColumn.headerLine() + ", was "
                    + Excerpt.of(header));
            return collector.statement();
        }
        int lineNumber = HEADER_LINE;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            collector.add(lineNumber, StatementLine.read(line));
        }
        return collector.statement();
    }

    private static String withoutByteOrderMark(String line) {
        return !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The holdings and problems of the lines so far, and on which line each position was first listed. */
    private static final class Collector {
        private final Optional<LocalDate> fileDate;
        private final List<CustodianHolding> holdings = new ArrayList<>();
        private final List<StatementProblem> problems = new ArrayList<>();
        private final Map<String, Integer> lineOfPosition = new HashMap<>();

        Collector(Optional<LocalDate> fileDate) {
            this.fileDate = fileDate;
        }

        void add(int lineNumber, Reading<CustodianHolding> line) {
            if (line instanceof Reading.Valid<CustodianHolding> valid) {
                admit(lineNumber, valid.value());
            } else {
                problem(lineNumber, ((Reading.Rejected<CustodianHolding>) line).explanation());
            }
        }

        private void admit(int lineNumber, CustodianHolding holding) {
            if (fileDate.isPresent() && !fileDate.get().equals(holding.statementDate())) {
                problem(lineNumber, "statement_date " + holding.statementDate() + " is not the file's date " + fileDate.get());
                return;
            }
            Integer earlier = lineOfPosition.putIfAbsent(holding.positionKey(), lineNumber);
            if (earlier != null) {
                problem(lineNumber, "position " + holding.positionKey() + " is already listed on line " + earlier);
                return;
            }
            holdings.add(holding);
        }

        void problem(int lineNumber, String reason) {
            problems.add(new StatementProblem(lineNumber, reason));
        }

        CustodianStatement statement() {
            return new CustodianStatement(holdings, problems);
        }
    }
}
