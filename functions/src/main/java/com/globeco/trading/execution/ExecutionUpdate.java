package com.globeco.trading.execution;

import java.math.BigDecimal;

/** The body of {@code PUT /api/v1/execution/{id}}: cumulative totals that replace the stored ones. */
public record ExecutionUpdate(BigDecimal quantityFilled, BigDecimal averagePrice, int version) {}
