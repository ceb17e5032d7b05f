package com.globeco.trading.operators.sinks;

/** One parameter a statement set: its index, its value ({@code null} for SQL NULL) and its SQL type. */
public record StatementParameter(int index, Object value, int sqlType) {
}
