package com.globeco.trading.positions;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.messages.Excerpt;
import com.globeco.trading.messages.JsonFields;
import com.globeco.trading.messages.Reading;

import java.util.ArrayList;
import java.util.List;

/**
 * The Contract Service's answers, read strictly: to {@code POST /api/v1/contracts} the contract of the trade asked for
 * ({@code tradeId}) with its {@code contractId}, a text of 1 to 64 characters; to {@code POST /api/v1/contracts/batch}
 * an object whose {@code contracts} are such contracts, one a trade asked for, in the order asked. Anything else is
 * refused with the reasons.
 */
public final class ContractServiceJson {

    private ContractServiceJson() {}

    /** The id of the contract in {@code body}, which must be the contract of trade {@code tradeId}. */
    public static Reading<String> contractId(String body, String tradeId) {
        return JsonFields.readAnswer(body, "a contract", (root, violations) -> contractOf(root, tradeId, violations));
    }

    /** The ids of the contracts in a batch answer, in the order of {@code tradeIds}, each the contract of its trade. */
    public static Reading<List<String>> contractIds(String body, List<String> tradeIds) {
        return JsonFields.readAnswer(body, "the contracts of a batch", (root, violations) -> {
            JsonNode contracts = root.get("contracts");
            if (contracts == null || !contracts.isArray()) {
                violations.add("contracts must be a JSON array");
                return null;
            }
            if (contracts.size() != tradeIds.size()) {
                violations.add("contracts must hold one contract a trade asked for, " + tradeIds.size() + ", held " + contracts.size());
                return null;
            }
            List<String> contractIds = new ArrayList<>(tradeIds.size());
            for (int i = 0; i < tradeIds.size(); i++) {
                List<String> itsViolations = new ArrayList<>();
                JsonNode contract = JsonFields.objectAt(contracts.get(i), "contract", itsViolations);
                contractIds.add(contract == null ? null : contractOf(contract, tradeIds.get(i), itsViolations));
                for (String violation : itsViolations) {
                    violations.add("contracts[" + i + "]: " + violation);
                }
            }
            return contractIds;
        });
    }

    private static String contractOf(JsonNode contract, String tradeId, List<String> violations) {
        String contractId = JsonFields.identifier(contract, "contractId", PositionLimits.MAX_ID_LENGTH, violations);
        String answeredFor = JsonFields.text(contract, "tradeId", true, violations);
        if (answeredFor != null && !answeredFor.equals(tradeId)) {
            violations.add("tradeId must be the trade asked for, " + Excerpt.of(tradeId) + ", was " + Excerpt.of(answeredFor));
        }
        return contractId;
    }
}
