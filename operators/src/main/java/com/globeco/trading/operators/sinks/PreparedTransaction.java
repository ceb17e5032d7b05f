package com.globeco.trading.operators.sinks;

/**
 * A Postgres transaction a sink writer prepared ({@code PREPARE TRANSACTION}) for a checkpoint, by its global id:
 * what the committer commits once the checkpoint completes.
 */
public record PreparedTransaction(String gid) {
}
