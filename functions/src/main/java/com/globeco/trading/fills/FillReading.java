package com.globeco.trading.fills;

import java.util.List;
import java.util.stream.Collectors;

/** The result of reading a fill message: either a valid fill or the rules it broke. */
public sealed interface FillReading {

    record Valid(Fill fill) implements FillReading {}

    record Rejected(List<Violation> violations) implements FillReading {
        public Rejected {
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one violation");
            }
            violations = List.copyOf(violations);
        }

        public Violation.Category category() {
            return violations.get(0).category();
        }

        public String explanation() {
            return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
        }
    }
}
