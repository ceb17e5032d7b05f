package com.globeco.trading.positions;

import com.globeco.trading.messages.Excerpt;
import com.globeco.trading.messages.JsonFields;
import com.globeco.trading.messages.Reading;

/**
 * The Contract Service's answer to {@code POST /api/v1/contracts}, read strictly: the contract of the trade asked for
 * ({@code tradeId}) with its {@code contractId}, a text of 1 to 64 characters. Anything else is refused with the
 * reasons.
 */
public final class ContractServiceJson {

    private ContractServiceJson() {}

    /** The id of the contract in {@code body}, which must be the contract of trade {@code tradeId}. */
    public static Reading<String> contractId(String body, String tradeId) {
        return JsonFields.readAnswer(body, "a contract", (root, violations) -> {
            String contractId = JsonFields.identifier(root, "contractId", PositionLimits.MAX_ID_LENGTH, violations);
            String answeredFor = JsonFields.text(root, "tradeId", true, violations);
            if (answeredFor != null && !answeredFor.equals(tradeId)) {
                violations.add("tradeId must be the trade asked for, " + Excerpt.of(tradeId) + ", was " + Excerpt.of(answeredFor));
            }
            return contractId;
        });
    }
}
