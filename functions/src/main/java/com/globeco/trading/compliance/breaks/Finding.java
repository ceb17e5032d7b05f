package com.globeco.trading.compliance.breaks;

import com.globeco.trading.positions.ReconciliationBreak.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the reconciliation found: how bad, what the position should be and what it is. */
public record Finding(Severity severity, String expected, String actual) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
    }

    /** What changed since {@code before}, in words: "severity WARNING → CRITICAL; actual 9 → 8". */
    public String changesSince(Finding before) {
        List<String> changes = new ArrayList<>();
        describe(changes, "severity", before.severity, severity);
        describe(changes, "expected", before.expected, expected);
        describe(changes, "actual", before.actual, actual);
        return String.join("; ", changes);
    }

    private static void describe(List<String> changes, String what, Object before, Object now) {
        if (!Objects.equals(before, now)) {
            changes.add(what + " " + before + " → " + now);
        }
    }
}
