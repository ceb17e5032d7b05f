package com.globeco.trading.execution;

import java.math.BigDecimal;

/** What the Execution Service holds for one execution, as far as confirmation cares. */
public record ExecutionState(long id, BigDecimal quantity, BigDecimal quantityFilled, BigDecimal averagePrice,
                             int version, String executionStatus) {}
