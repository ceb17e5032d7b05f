package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.ReferencePrice;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The position keys of one subtask by instrument, so a price visits only the positions in its
 * instrument. Derived data: rebuilt from the keyed state's keys when the operator starts (after a
 * restore or a rescale), never checkpointed.
 */
final class InstrumentIndex {
    private final Map<String, Set<String>> positionsByInstrument = new HashMap<>();

    static InstrumentIndex of(Stream<String> positionKeys) {
        InstrumentIndex index = new InstrumentIndex();
        try (positionKeys) {
            positionKeys.forEach(index::add);
        }
        return index;
    }

    void add(String positionKey) {
        String instrument = ReferencePrice.instrumentOf(positionKey);
        if (instrument != null) {
            positionsByInstrument.computeIfAbsent(instrument, i -> new HashSet<>()).add(positionKey);
        }
    }

    void remove(String positionKey) {
        Set<String> positions = positionsByInstrument.get(ReferencePrice.instrumentOf(positionKey));
        if (positions != null) {
            positions.remove(positionKey);
        }
    }

    /** A copy: the caller may remove positions while it goes through them. */
    List<String> positionsIn(String instrument) {
        return List.copyOf(positionsByInstrument.getOrDefault(instrument, Set.of()));
    }
}
