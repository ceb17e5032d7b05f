package com.globeco.trading.positions;

import com.globeco.trading.messages.Reading;
import com.globeco.trading.messages.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.messages.Excerpt;

import java.util.ArrayList;
import java.util.List;

/** Contract events: {@code positionKey}, {@code contractId} (optional, at most 64 characters) and {@code taxLotMethod}. */
public final class ContractTermsReader {
    private ContractTermsReader() {}

    public static Reading<ContractTerms> read(String payload) {
        List<String> violations = new ArrayList<>();
        JsonNode root = JsonFields.object(payload, "a contract event", violations);
        if (root == null) {
            return new Reading.Rejected<>(violations);
        }
        String positionKey = JsonFields.text(root, "positionKey", true, violations);
        if (positionKey != null && !TradeReader.POSITION_KEY.matcher(positionKey).matches()) {
            violations.add("positionKey must look like ACCOUNT:INSTRUMENT:CCY, was " + Excerpt.of(positionKey));
        }
        String contractId = JsonFields.text(root, "contractId", false, violations);
        if (contractId != null && (contractId.isBlank() || contractId.length() > PositionLimits.MAX_ID_LENGTH)) {
            violations.add("contractId must have 1 to " + PositionLimits.MAX_ID_LENGTH + " characters");
        }
        String method = JsonFields.text(root, "taxLotMethod", true, violations);
        TaxLotMethod taxLotMethod = null;
        if (method != null) {
            try {
                taxLotMethod = TaxLotMethod.valueOf(method);
            } catch (IllegalArgumentException unknown) {
                violations.add("taxLotMethod must be FIFO, LIFO or HIFO, was " + Excerpt.of(method));
            }
        }
        if (!violations.isEmpty()) {
            return new Reading.Rejected<>(violations);
        }
        return new Reading.Valid<>(new ContractTerms(positionKey, contractId, taxLotMethod));
    }
}
