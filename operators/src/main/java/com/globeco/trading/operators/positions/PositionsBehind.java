package com.globeco.trading.operators.positions;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The positions of a subtask whose keyed state is behind the database: the job started without the
 * state that wrote them (no savepoint, a lost one, an older one). Their versions would start again below
 * the stored ones and every write would be skipped by the event store, so their commands are
 * dead-lettered instead until the job starts from state that has them (a savepoint, or one rebuilt by
 * {@code ./platform state bootstrap-positions}).
 */
final class PositionsBehind {
    /** Where the docs tell what to do about it. */
    static final String REMEDY = "start the job from its last savepoint, or from one rebuilt by ./platform state bootstrap-positions"
            + " (k8s-operator/README.md, Rebuild lost trade-hotpath state from Postgres)";

    private final Map<String, Behind> positions;

    private record Behind(long inState, long stored) {}

    private PositionsBehind(Map<String, Behind> positions) {
        this.positions = positions;
    }

    static PositionsBehind none() {
        return new PositionsBehind(Map.of());
    }

    /** @param inState the version a position key has in keyed state, 0 when it has none */
    static PositionsBehind find(Map<String, Long> stored, VersionInState inState) throws Exception {
        Map<String, Behind> behind = new HashMap<>();
        for (Map.Entry<String, Long> position : stored.entrySet()) {
            long version = inState.of(position.getKey());
            if (version < position.getValue()) {
                behind.put(position.getKey(), new Behind(version, position.getValue()));
            }
        }
        return new PositionsBehind(behind);
    }

    @FunctionalInterface
    interface VersionInState {
        long of(String positionKey) throws Exception;
    }

    boolean contains(String positionKey) {
        return positions.containsKey(positionKey);
    }

    int count() {
        return positions.size();
    }

    String describe(String positionKey) {
        Behind behind = positions.get(positionKey);
        return "the job's state holds " + positionKey + " at version " + behind.inState() + ", the database at " + behind.stored()
                + ": " + REMEDY;
    }

    /** A few of the positions, for a log line. */
    String examples() {
        return positions.keySet().stream().sorted().limit(5).collect(Collectors.joining(", "));
    }
}
