package com.globeco.trading.positions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The test oracle: a plain replay of opens, decreases and price resets over a list of mutable lots
 * with BigDecimal arithmetic, written without the engine's code, to compare the engine against.
 * A lot's cost is its opening price; a reset moves its reference price and realizes nothing.
 */
public final class LotReplayOracle {
    public sealed interface Step permits Open, Decrease, Reset {}

    public record Open(String id, LocalDate date, BigDecimal price, BigDecimal quantity) implements Step {}

    public record Decrease(BigDecimal quantity, BigDecimal price) implements Step {
        public Decrease(BigDecimal quantity) {
            this(quantity, BigDecimal.ONE);
        }
    }

    public record Reset(BigDecimal price) implements Step {}

    public static final class Lot {
        public final String id;
        final LocalDate date;
        public final BigDecimal price;
        final int opened;
        public BigDecimal remaining;
        public BigDecimal reference;

        Lot(String id, LocalDate date, BigDecimal price, BigDecimal remaining, int opened) {
            this.id = id;
            this.date = date;
            this.price = price;
            this.remaining = remaining;
            this.opened = opened;
            this.reference = price;
        }
    }

    public record Outcome(List<Lot> openLots, List<List<LotReduction>> reductions, int rejected, List<BigDecimal> resetPnls) {
        public BigDecimal realizedPnl() {
            return reductions.stream().flatMap(List::stream).map(LotReduction::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A step with the effective date it has in its position's history. */
    public record Dated(LocalDate date, Step step) {}

    /** The truth of a history: its steps in effective-date order, ties in the order given, replayed. */
    public static Outcome truth(List<Dated> history, TaxLotMethod method) {
        List<Dated> ordered = new ArrayList<>(history);
        ordered.sort(Comparator.comparing(Dated::date));
        return replay(ordered.stream().map(Dated::step).toList(), method);
    }

    public static Outcome replay(List<Step> steps, TaxLotMethod method) {
        List<Lot> lots = new ArrayList<>();
        List<List<LotReduction>> reductions = new ArrayList<>();
        List<BigDecimal> resetPnls = new ArrayList<>();
        int rejected = 0;
        int opened = 0;
        for (Step step : steps) {
            if (step instanceof Open open) {
                lots.add(new Lot(open.id(), open.date(), open.price(), open.quantity(), opened++));
                continue;
            }
            if (step instanceof Reset reset) {
                BigDecimal pnl = BigDecimal.ZERO;
                for (Lot lot : lots) {
                    pnl = pnl.add(reset.price().subtract(lot.reference).multiply(lot.remaining));
                    lot.reference = reset.price();
                }
                resetPnls.add(pnl);
                continue;
            }
            Decrease decrease = (Decrease) step;
            BigDecimal wanted = decrease.quantity();
            BigDecimal available = lots.stream().map(lot -> lot.remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (wanted.compareTo(available) > 0) {
                rejected++;
                continue;
            }
            List<Lot> order = new ArrayList<>(lots);
            order.sort(comparator(method));
            List<LotReduction> taken = new ArrayList<>();
            for (Lot lot : order) {
                if (wanted.signum() == 0) {
                    break;
                }
                BigDecimal take = wanted.min(lot.remaining);
                lot.remaining = lot.remaining.subtract(take);
                wanted = wanted.subtract(take);
                taken.add(new LotReduction(lot.id, take, lot.price, decrease.price().subtract(lot.price).multiply(take)));
            }
            lots.removeIf(lot -> lot.remaining.signum() == 0);
            reductions.add(taken);
        }
        return new Outcome(lots, reductions, rejected, resetPnls);
    }

    private static Comparator<Lot> comparator(TaxLotMethod method) {
        Comparator<Lot> oldestFirst = Comparator.<Lot, LocalDate>comparing(lot -> lot.date).thenComparingInt(lot -> lot.opened);
        return switch (method) {
            case FIFO -> oldestFirst;
            case LIFO -> oldestFirst.reversed();
            case HIFO -> Comparator.<Lot, BigDecimal>comparing(lot -> lot.price).reversed().thenComparing(oldestFirst);
        };
    }
}
