package com.globeco.trading.testkit.custodian;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.globeco.trading.compliance.custodian.CustodianHolding;
import com.globeco.trading.compliance.custodian.StatementColumn;
import com.globeco.trading.compliance.custodian.StatementFile;

/**
 * Drops a statement into a directory as a custodian does over SFTP: written in full under a {@code .part} name beside
 * it, then renamed in one atomic step, so a reader sees the whole statement or none, and a statement delivered again
 * replaces the earlier one whole.
 */
final class StatementWriter {

    private static final String PART = ".part";
    private static final char LINE_END = '\n';

    private StatementWriter() {
    }

    static Path deliver(List<CustodianHolding> holdings, LocalDate statementDate, Path dropDirectory) {
        Path statement = dropDirectory.resolve(StatementFile.nameFor(statementDate));
        Path part = dropDirectory.resolve(statement.getFileName() + PART);
        try {
            Files.createDirectories(dropDirectory);
            Files.writeString(part, text(holdings), StandardCharsets.UTF_8);
            return Files.move(part, statement, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not deliver " + statement, e);
        }
    }

    /** The header and a line a holding, each ended by a line feed. */
    private static String text(List<CustodianHolding> holdings) {
        StringBuilder text = new StringBuilder(StatementColumn.headerLine()).append(LINE_END);
        holdings.forEach(holding -> text.append(line(holding)).append(LINE_END));
        return text.toString();
    }

    private static String line(CustodianHolding holding) {
        return Arrays.stream(StatementColumn.values()).map(column -> field(column, holding))
                .collect(Collectors.joining(StatementColumn.SEPARATOR));
    }

    private static String field(StatementColumn column, CustodianHolding holding) {
        return switch (column) {
            case STATEMENT_DATE -> holding.statementDate().toString();
            case ACCOUNT -> holding.account();
            case INSTRUMENT -> holding.instrument();
            case CURRENCY -> holding.currency();
            case QUANTITY -> plain(holding.quantity());
            case AVERAGE_COST -> plain(holding.averageCost());
            case MARKET_PRICE -> plain(holding.marketPrice());
            case LAST_ACTIVITY_DATE -> holding.lastActivityDate().toString();
        };
    }

    /** A plain decimal, empty for none. */
    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }
}
