package com.globeco.trading.reconciliation;

import com.globeco.trading.compliance.custodian.CustodianHolding;
import com.globeco.trading.positions.EventType;
import com.globeco.trading.positions.HistoryStep;
import com.globeco.trading.positions.LotsJson;
import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.positions.Replay;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.positions.ReconciliationBreak.Severity;
import com.globeco.trading.positions.StoredEventReader;
import com.globeco.trading.positions.TaxLotMethod;
import com.globeco.trading.positions.TaxLots;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reconciles one position with the outside (seed 004, 10.3): the custodian's end-of-day holding against the position
 * rebuilt from its events as of the statement date (trade-date holdings; its cost averaged as the custodian averages,
 * {@link AverageCost}), and the Trade Repository's position against
 * the snapshot. Differences beyond the tolerances are breaks: missing, extra, quantity and price (CRITICAL and WARNING for
 * the custodian), date (INFO); missing, extra and quantity at the repository (WARNING), date (INFO). A repository
 * difference explained by a report not answered yet, or by a provisional position within its SLA, is a temporary break
 * of its own kind (INFO), which the next run resolves once it is gone.
 */
public final class ExternalCheck implements Serializable {
    public static final String REPORT_AWAITING_ACKNOWLEDGEMENT = "REPORT_AWAITING_ACKNOWLEDGEMENT";
    public static final String PROVISIONAL_WITHIN_SLA = "PROVISIONAL_WITHIN_SLA";
    /** The kinds a later run resolves by itself when it no longer finds them: they pass with time. */
    public static final Set<String> TEMPORARY_KINDS = Set.of(REPORT_AWAITING_ACKNOWLEDGEMENT, PROVISIONAL_WITHIN_SLA, "PROVISIONAL_AGE");
    private static final int PRICE_SCALE = 8;

    private final String runId;
    private final LocalDate statementDate;
    private final boolean repositoryCompared;
    private final Tolerances tolerances;
    private final Duration provisionalSla;

    /**
     * @param statementDate      the custodian statement's date, null when the run compares no custodian statement
     * @param repositoryCompared whether the run has the repository's positions
     */
    public ExternalCheck(String runId, LocalDate statementDate, boolean repositoryCompared, Tolerances tolerances, Duration provisionalSla) {
        this.runId = runId;
        this.statementDate = statementDate;
        this.repositoryCompared = repositoryCompared;
        this.tolerances = tolerances;
        this.provisionalSla = provisionalSla;
    }

    public List<ReconciliationBreak> breaks(String positionKey, List<StoredEvent> events, StoredSnapshot snapshot, OutsideViews views,
                                            long now) {
        List<ReconciliationBreak> found = new ArrayList<>();
        if (statementDate != null) {
            custodian(positionKey, events, views.custodian(), now, found);
        }
        if (repositoryCompared) {
            repository(positionKey, events, snapshot, views, now, found);
        }
        return found;
    }

    private void custodian(String positionKey, List<StoredEvent> events, CustodianHolding holding, long now, List<ReconciliationBreak> found) {
        List<StoredEvent> byThen = events.stream().filter(ExternalCheck::isTrade)
                .filter(event -> !event.effectiveDate().isAfter(statementDate)).toList();
        Optional<TaxLots> ours = lotsOf(byThen);
        if (ours.isEmpty()) {
            return;
        }
        BigDecimal quantity = ours.get().openQuantity();
        if (holding == null) {
            if (quantity.signum() != 0) {
                found.add(of(positionKey, "CUSTODIAN_MISSING", Severity.CRITICAL, quantity.toPlainString(), "no holding on " + statementDate, now));
            }
            return;
        }
        if (byThen.isEmpty()) {
            found.add(of(positionKey, "CUSTODIAN_EXTRA", Severity.CRITICAL, "no position on " + statementDate,
                    holding.quantity().toPlainString(), now));
            return;
        }
        if (tolerances.quantityDiffers(quantity, holding.quantity())) {
            found.add(of(positionKey, "CUSTODIAN_QUANTITY_MISMATCH", Severity.CRITICAL, quantity.toPlainString(),
                    holding.quantity().toPlainString(), now));
            return;
        }
        BigDecimal exactAverage = quantity.signum() == 0 ? null : AverageCost.of(byThen);
        if (exactAverage != null) {
            BigDecimal averageCost = exactAverage.setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
            if (tolerances.priceDiffers(averageCost, holding.averageCost())) {
                found.add(of(positionKey, "CUSTODIAN_PRICE_MISMATCH", Severity.WARNING, averageCost.toPlainString(),
                        holding.averageCost().toPlainString(), now));
            }
        }
        LocalDate lastTrade = latest(byThen);
        if (lastTrade != null && !lastTrade.equals(holding.lastActivityDate())) {
            found.add(of(positionKey, "CUSTODIAN_DATE_MISMATCH", Severity.INFO, lastTrade.toString(), holding.lastActivityDate().toString(), now));
        }
    }

    private void repository(String positionKey, List<StoredEvent> events, StoredSnapshot snapshot, OutsideViews views, long now,
                            List<ReconciliationBreak> found) {
        List<StoredEvent> trades = events.stream().filter(ExternalCheck::isTrade).toList();
        RepositoryHolding holding = views.repository();
        BigDecimal ours = snapshot == null ? BigDecimal.ZERO : LotsJson.read(snapshot.lotsJson()).openQuantity();
        BigDecimal theirs = holding == null ? BigDecimal.ZERO : holding.netQuantity();
        String kind = null;
        if (holding == null && !trades.isEmpty() && ours.signum() != 0) {
            kind = "REPOSITORY_MISSING";
        } else if (holding != null && trades.isEmpty()) {
            kind = "REPOSITORY_EXTRA";
        } else if (tolerances.quantityDiffers(ours, theirs)) {
            kind = "REPOSITORY_QUANTITY_MISMATCH";
        }
        String explanation = temporary(snapshot, views, now);
        if (kind != null) {
            found.add(explanation != null
                    ? of(positionKey, explanation, Severity.INFO, ours.toPlainString(), theirs.toPlainString() + " (" + kind + ")", now)
                    : of(positionKey, kind, Severity.WARNING, ours.toPlainString(), theirs.toPlainString(), now));
            return;
        }
        LocalDate lastTrade = latest(trades);
        if (explanation == null && holding != null && lastTrade != null && !lastTrade.equals(holding.latestEffectiveDate())) {
            found.add(of(positionKey, "REPOSITORY_DATE_MISMATCH", Severity.INFO, lastTrade.toString(),
                    String.valueOf(holding.latestEffectiveDate()), now));
        }
    }

    /** Why a repository difference is expected to pass: a report awaits its answer, or the position is provisional within its SLA. */
    private String temporary(StoredSnapshot snapshot, OutsideViews views, long now) {
        if (views.awaitingAcknowledgement()) {
            return REPORT_AWAITING_ACKNOWLEDGEMENT;
        }
        if (snapshot != null && snapshot.status() == PositionStatus.PROVISIONAL) {
            Long since = snapshot.provisionalSinceMillis();
            if (since == null || now - since <= provisionalSla.toMillis()) {
                return PROVISIONAL_WITHIN_SLA;
            }
        }
        return null;
    }

    private static boolean isTrade(StoredEvent event) {
        return event.eventType() == EventType.TRADE_APPLIED || event.eventType() == EventType.PROVISIONAL_TRADE_APPLIED;
    }

    private static LocalDate latest(List<StoredEvent> trades) {
        return trades.stream().map(StoredEvent::effectiveDate).max(Comparator.naturalOrder()).orElse(null);
    }

    /** The lots of these trades replayed in effective-date order; none when the history cannot be replayed (the internal check says why). */
    private static Optional<TaxLots> lotsOf(List<StoredEvent> trades) {
        StoredEventReader reader = new StoredEventReader(TaxLotMethod.FIFO);
        try {
            List<HistoryStep> history = trades.stream().sorted(Comparator.comparingLong(StoredEvent::version))
                    .map(event -> reader.step(event.version(), event.eventType(), event.effectiveDate(), event.payload()))
                    .flatMap(Optional::stream).toList();
            return Optional.of(Replay.of(history).lots());
        } catch (RuntimeException unreplayable) {
            return Optional.empty();
        }
    }

    private ReconciliationBreak of(String positionKey, String kind, Severity severity, String expected, String actual, long now) {
        return new ReconciliationBreak(runId + ":" + positionKey + ":" + kind, runId, positionKey, kind, severity, expected, actual, now);
    }
}
