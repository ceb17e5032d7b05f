package com.globeco.trading.health;

import java.util.Objects;

/** What one check found of one dependency (Kafka, a database, a service behind a circuit breaker): up or down, and why. */
public record DependencyState(String dependency, boolean up, String detail) {

    public DependencyState {
        Objects.requireNonNull(dependency);
        detail = detail == null ? "" : detail;
    }

    public static DependencyState up(String dependency, String detail) {
        return new DependencyState(dependency, true, detail);
    }

    public static DependencyState down(String dependency, String detail) {
        return new DependencyState(dependency, false, detail);
    }
}
