package com.globeco.trading.jobs;

import com.globeco.trading.compliance.custodian.CustodianHolding;
import com.globeco.trading.compliance.custodian.CustodianStatement;
import com.globeco.trading.compliance.custodian.StatementFile;
import com.globeco.trading.compliance.custodian.StatementProblem;
import com.globeco.trading.operators.reconciliation.RepositoryPositions;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.positions.ReconciliationBreak.Severity;
import com.globeco.trading.reconciliation.ExternalCheck;
import com.globeco.trading.reconciliation.RepositoryHolding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers what a run compares with, before the batch job starts: the custodian's statement (daily), the Trade
 * Repository's positions and the positions with a report not answered yet. A source that cannot be had is a break of the
 * run, and the run compares without it.
 */
final class OutsideGathering {
    private final PositionReconciliationOptions options;
    private final Instant runAt;
    private final List<ReconciliationBreak> runBreaks = new ArrayList<>();

    private OutsideGathering(PositionReconciliationOptions options, Instant runAt) {
        this.options = options;
        this.runAt = runAt;
    }

    static OutsideSources gather(PositionReconciliationOptions options, Instant runAt) {
        return new OutsideGathering(options, runAt).gather();
    }

    private OutsideSources gather() {
        LocalDate statementDate = options.mode() == PositionReconciliationOptions.Mode.DAILY ? options.statementDateFor(runAt) : null;
        List<CustodianHolding> custodian = statementDate == null ? List.of() : statement(statementDate);
        boolean statementRead = statementDate != null && runBreaks.stream().noneMatch(found -> found.kind().equals("CUSTODIAN_STATEMENT_MISSING"));
        List<RepositoryHolding> repository = repository();
        boolean repositoryRead = options.tradeRepository() != null && runBreaks.stream().noneMatch(found -> found.kind().equals("REPOSITORY_UNAVAILABLE"));
        ExternalCheck check = new ExternalCheck(options.runId(), statementRead ? statementDate : null, repositoryRead, options.tolerances(),
                options.provisionalSla());
        return new OutsideSources(custodian, repository, awaitingAcknowledgement(), List.copyOf(runBreaks), check);
    }

    private List<CustodianHolding> statement(LocalDate date) {
        Path file = options.custodianDrop().resolve(StatementFile.nameFor(date));
        String source = "STATEMENT:" + file.getFileName();
        if (!Files.isRegularFile(file)) {
            runBreaks.add(runBreak(source, "CUSTODIAN_STATEMENT_MISSING", Severity.CRITICAL, "the custodian's statement of " + date,
                    "no file " + file));
            return List.of();
        }
        try {
            CustodianStatement statement = CustodianStatement.read(file);
            for (StatementProblem problem : statement.problems()) {
                runBreaks.add(runBreak(source + "#" + problem.lineNumber(), "CUSTODIAN_STATEMENT_LINE", Severity.WARNING, "a readable line",
                        problem.reason()));
            }
            return statement.holdings();
        } catch (IOException unreadable) {
            runBreaks.add(runBreak(source, "CUSTODIAN_STATEMENT_MISSING", Severity.CRITICAL, "a readable statement", String.valueOf(unreadable.getMessage())));
            return List.of();
        }
    }

    private List<RepositoryHolding> repository() {
        if (options.tradeRepository() == null) {
            return List.of();
        }
        try {
            return RepositoryPositions.fetch(options.tradeRepository(), options.reportingEntity());
        } catch (IOException unavailable) {
            runBreaks.add(runBreak("REPOSITORY:" + options.tradeRepository().getHost(), "REPOSITORY_UNAVAILABLE", Severity.WARNING,
                    "the Trade Repository's positions", String.valueOf(unavailable.getMessage())));
            return List.of();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the Trade Repository for its positions", interrupted);
        }
    }

    private List<String> awaitingAcknowledgement() {
        try (Connection connection = options.postgres().connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT position_key FROM regulatory_report WHERE status IN ('PENDING', 'SUBMITTED')");
             ResultSet rows = query.executeQuery()) {
            List<String> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            return keys;
        } catch (SQLException unreadable) {
            throw new IllegalStateException("the reports awaiting an answer could not be read", unreadable);
        }
    }

    private ReconciliationBreak runBreak(String source, String kind, Severity severity, String expected, String actual) {
        return new ReconciliationBreak(options.runId() + ":" + source + ":" + kind, options.runId(), source, kind, severity, expected, actual,
                runAt.toEpochMilli());
    }
}
