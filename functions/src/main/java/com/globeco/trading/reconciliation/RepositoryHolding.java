package com.globeco.trading.reconciliation;

import com.globeco.trading.types.LocalDates;
import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A position as the Trade Repository holds it: the net quantity of its live trades and the latest effective date among them. */
public record RepositoryHolding(String positionKey, BigDecimal netQuantity, int liveTrades,
                                @TypeInfo(LocalDates.class) LocalDate latestEffectiveDate) {}
