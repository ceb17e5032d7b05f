package com.globeco.trading.positions;

import com.globeco.trading.types.SealedKinds;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What a position's event records: a trade applied, a price reset, the coldpath's correction adopted, or a trade's
 * regulatory report answered.
 */
@TypeInfo(SealedKinds.class)
public sealed interface EventPayload permits TradeApplied, PriceReset, PositionCorrected, ReportSubmitted {}
