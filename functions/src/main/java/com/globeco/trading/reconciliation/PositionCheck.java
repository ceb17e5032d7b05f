package com.globeco.trading.reconciliation;

import com.globeco.trading.positions.HistoryStep;
import com.globeco.trading.positions.ImpossibleHistoryException;
import com.globeco.trading.positions.TradeRejectedException;
import com.globeco.trading.positions.LotsJson;
import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.positions.PositionTotals;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.positions.ReconciliationBreak.Severity;
import com.globeco.trading.positions.Replay;
import com.globeco.trading.positions.StoredEventReader;
import com.globeco.trading.positions.TaxLotMethod;
import com.globeco.trading.positions.TaxLots;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles one position: its event stream replayed by the engine (effective-date order) against its
 * snapshot, up to the snapshot's version (events committed after the snapshot was read belong to a later one).
 * A reconciled snapshot must equal the replay (quantity and cost basis are critical, lot count,
 * lots and market value warnings); a provisional one awaits its correction, and is reported once it has
 * waited longer than the SLA. Events without a snapshot, a snapshot without events, an impossible or
 * unreadable history are critical. Trade events without a recorded method (written before events
 * recorded it) are replayed by FIFO.
 */
public final class PositionCheck implements java.io.Serializable {
    private final String runId;
    private final Duration provisionalSla;

    public PositionCheck(String runId, Duration provisionalSla) {
        this.runId = runId;
        this.provisionalSla = provisionalSla;
    }

    public List<ReconciliationBreak> breaks(String positionKey, List<StoredEvent> events, StoredSnapshot snapshot, long now) {
        Found found = new Found(positionKey, now);
        if (snapshot == null) {
            return found.add("MISSING_SNAPSHOT", Severity.CRITICAL, events.size() + " events", "no snapshot");
        }
        if (events.isEmpty()) {
            return found.add("EXTRA_SNAPSHOT", Severity.CRITICAL, "no events", "a snapshot at version " + snapshot.version());
        }
        List<StoredEvent> upToSnapshot = events.stream().filter(event -> event.version() <= snapshot.version()).toList();
        long lastVersion = upToSnapshot.stream().mapToLong(StoredEvent::version).max().orElse(0);
        if (lastVersion != snapshot.version()) {
            found.add("VERSION_MISMATCH", Severity.WARNING, "events up to version " + snapshot.version(), "events up to version " + lastVersion);
        }
        if (snapshot.status() == PositionStatus.PROVISIONAL) {
            return provisionalAge(found, snapshot, now);
        }
        Replay.Result truth;
        try {
            truth = Replay.of(history(upToSnapshot));
        } catch (ImpossibleHistoryException impossible) {
            return found.add("IMPOSSIBLE_HISTORY", Severity.CRITICAL, "a history that never goes below zero", impossible.getMessage());
        } catch (TradeRejectedException rejected) {
            return found.add(rejected.reason().name(), Severity.CRITICAL, "a history every trade of which the position takes", rejected.getMessage());
        } catch (RuntimeException unreadable) {
            return found.add("UNREADABLE_HISTORY", Severity.CRITICAL, "readable events", String.valueOf(unreadable.getMessage()));
        }
        TaxLots actual;
        try {
            actual = LotsJson.read(snapshot.lotsJson());
        } catch (RuntimeException unreadable) {
            return found.add("UNREADABLE_SNAPSHOT", Severity.CRITICAL, "readable lots", String.valueOf(unreadable.getMessage()));
        }
        return compare(found, truth.lots(), actual);
    }

    private List<ReconciliationBreak> provisionalAge(Found found, StoredSnapshot snapshot, long now) {
        Long since = snapshot.provisionalSinceMillis();
        if (since != null && now - since > provisionalSla.toMillis()) {
            found.add("PROVISIONAL_AGE", Severity.INFO, "RECONCILED within " + provisionalSla,
                    "PROVISIONAL for " + Duration.ofMillis(now - since).withNanos(0));
        }
        return found.breaks;
    }

    private static List<ReconciliationBreak> compare(Found found, TaxLots expected, TaxLots actual) {
        PositionTotals want = PositionTotals.of(expected);
        PositionTotals got = PositionTotals.of(actual);
        found.differs("QUANTITY_MISMATCH", Severity.CRITICAL, want.openQuantity(), got.openQuantity());
        found.differs("COST_BASIS_MISMATCH", Severity.CRITICAL, want.costBasis(), got.costBasis());
        if (want.openLots() != got.openLots()) {
            found.add("LOT_COUNT_MISMATCH", Severity.WARNING, want.openLots() + " lots", got.openLots() + " lots");
        } else if (!sameLots(expected, actual)) {
            found.add("LOTS_MISMATCH", Severity.WARNING, expected.toString(), actual.toString());
        }
        found.differs("MARKET_VALUE_MISMATCH", Severity.WARNING, want.marketValue(), got.marketValue());
        return found.breaks;
    }

    private static boolean sameLots(TaxLots expected, TaxLots actual) {
        return Arrays.equals(expected.ids(), actual.ids()) && Arrays.equals(expected.tradeDays(), actual.tradeDays())
                && Arrays.equals(expected.costPrices(), actual.costPrices())
                && Arrays.equals(expected.quantities(), actual.quantities());
    }

    private static List<HistoryStep> history(List<StoredEvent> events) {
        StoredEventReader reader = new StoredEventReader(TaxLotMethod.FIFO);
        return events.stream().sorted(Comparator.comparingLong(StoredEvent::version))
                .map(event -> reader.step(event.version(), event.eventType(), event.effectiveDate(), event.payload()))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The breaks found for one position so far. */
    private final class Found {
        private final String positionKey;
        private final long now;
        private final List<ReconciliationBreak> breaks = new ArrayList<>();

        Found(String positionKey, long now) {
            this.positionKey = positionKey;
            this.now = now;
        }

        List<ReconciliationBreak> add(String kind, Severity severity, String expected, String actual) {
            breaks.add(new ReconciliationBreak(runId + ":" + positionKey + ":" + kind, runId, positionKey, kind, severity, expected, actual, now));
            return breaks;
        }

        void differs(String kind, Severity severity, BigDecimal expected, BigDecimal actual) {
            if (expected.compareTo(actual) != 0) {
                add(kind, severity, expected.toPlainString(), actual.toPlainString());
            }
        }
    }
}
