package com.globeco.trading.compliance.custodian;

/** A line of a statement that could not be read, numbered from 1 (the header), and why. */
public record StatementProblem(int lineNumber, String reason) {
}
