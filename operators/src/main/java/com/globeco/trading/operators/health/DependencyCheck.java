package com.globeco.trading.operators.health;

import com.globeco.trading.health.DependencyState;

/** One dependency a job needs, asked whether it answers. A check may block; {@link DependencyHealth} bounds the wait. */
public interface DependencyCheck extends AutoCloseable {

    String dependency();

    DependencyState check();

    @Override
    default void close() {}
}
