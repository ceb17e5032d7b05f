package com.globeco.trading.types;

import java.math.BigDecimal;
import java.time.Instant;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/** Sealed domain types as the functions module will write them. */
public final class Samples {

    private Samples() {}

    @TypeInfo(SealedKinds.class)
    public sealed interface Command permits Trade, Terms, Adjust, Lifecycle {}

    public record Trade(String tradeId, long quantity, BigDecimal price) implements Command {}

    public record Terms(String tradeId, Instant settleOn) implements Command {}

    /** A variant with a field of another sealed type. */
    public record Adjust(String tradeId, Amount amount) implements Command {}

    /** A sealed sub-interface: its records are variants of {@link Command} too. */
    public sealed interface Lifecycle extends Command permits Open, Close {}

    public record Open(String tradeId) implements Lifecycle {}

    public record Close(String tradeId, Instant at) implements Lifecycle {}

    @TypeInfo(SealedKinds.class)
    public sealed interface Amount permits Cash, Units {}

    public record Cash(String currency, BigDecimal value) implements Amount {}

    public record Units(long count) implements Amount {}

    /** A record with a field of a sealed type. */
    public record Envelope(String key, Command command, long offset) {}

    @TypeInfo(SealedKinds.class)
    public sealed interface Unlistable permits Fixed, OpenEnded {}

    public record Fixed(int x) implements Unlistable {}

    /** Not final nor sealed: the variants cannot be listed. */
    public non-sealed interface OpenEnded extends Unlistable {}

    @TypeInfo(SealedKinds.class)
    public sealed interface Tree permits Leaf, Node {}

    public record Leaf(int value) implements Tree {}

    public record Node(Tree left, Tree right) implements Tree {}

    public static Command[] commands() {
        return new Command[] {
            new Trade("T-1", 100, new BigDecimal("101.25")),
            new Trade("T-2", -5, null),
            new Terms("T-1", Instant.parse("2026-03-02T00:00:00Z")),
            new Adjust("T-1", new Cash("USD", new BigDecimal("12.5"))),
            new Adjust("T-3", new Units(7)),
            new Adjust("T-4", null),
            new Open("T-5"),
            new Close("T-5", Instant.parse("2026-03-03T16:00:00Z")),
        };
    }
}
