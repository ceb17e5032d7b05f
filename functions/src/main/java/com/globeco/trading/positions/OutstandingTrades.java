package com.globeco.trading.positions;

import java.util.Collection;
import java.util.List;

/**
 * The hotpath's rules for backdated trades that await their correction (outstanding, by the version
 * they were applied at) and for the journal of what it applied meanwhile.
 */
public final class OutstandingTrades {
    private OutstandingTrades() {}

    /** The outstanding versions a correction settles: those up to the version the coldpath replayed to. */
    public static List<Long> settledBy(long asOfVersion, Collection<Long> outstanding) {
        return outstanding.stream().filter(version -> version <= asOfVersion).sorted().toList();
    }

    /**
     * What the journal keeps once {@code remaining} versions stay outstanding: the entries after the
     * earliest of them (a later correction replays to at least that version); nothing when none remain.
     */
    public static List<Journaled> kept(List<Journaled> journal, Collection<Long> remaining) {
        long earliest = remaining.stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        return journal.stream().filter(entry -> entry.version() > earliest).toList();
    }
}
