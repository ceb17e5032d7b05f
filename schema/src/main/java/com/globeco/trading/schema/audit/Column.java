package com.globeco.trading.schema.audit;

/** A column of an audit query's rows: its name and the type of its values. */
public record Column(String name, ColumnType type) {}
