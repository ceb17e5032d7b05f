package com.globeco.trading.allocation;

import com.globeco.trading.fills.Fill;

/** A closed execution booked to its portfolio: an `execution` row and one Portfolio Accounting line. */
public record Allocation(Fill lastFill, String portfolioId, AccountingLine line, String correlationId) {}
