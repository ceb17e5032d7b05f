package com.globeco.trading.operators.sinks;

/**
 * A Postgres transaction that the JDBC connector's XA sink of releases up to 0.1.0 prepared for a checkpoint, by the
 * global id Postgres gives it: found in the savepoints of those releases, committed if it is still prepared.
 */
public record PreparedTransaction(String gid) implements RowsCommittable {
}
