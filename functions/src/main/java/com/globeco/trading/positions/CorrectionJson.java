package com.globeco.trading.positions;

import com.globeco.trading.messages.Reading;
import com.globeco.trading.messages.JsonFields;
import com.globeco.trading.messages.MessageSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.messages.Excerpt;
import com.globeco.trading.messages.FailureText;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A message of {@code position-corrections}, the coldpath's answer to the hotpath: the correction's
 * fields, its lots as {@link LotsJson}, decimals as exact strings. The reader is the hotpath's gate for
 * that topic: lots that no position could hold are rejected, never adopted.
 */
public final class CorrectionJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LOTS = PositionLimits.MAX_OPEN_LOTS;
    private static final int MAX_TRADES = PendingReplay.MAX_TRADES;
    private static final int MAX_REASON_LENGTH = FailureText.MAX_CHARACTERS;
    private static final long FIRST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private CorrectionJson() {}

    public static String write(Correction correction) {
        ObjectNode node = JSON.createObjectNode()
                .put(MessageSchemas.VERSION_FIELD, MessageSchemas.POSITION_CORRECTION)
                .put("positionKey", correction.positionKey())
                .put("asOfVersion", correction.asOfVersion())
                .put("outcome", correction.outcome().name())
                .put("correlationId", correction.correlationId());
        ArrayNode trades = node.putArray("backdatedTradeIds");
        for (String tradeId : correction.backdatedTradeIds()) {
            trades.add(tradeId);
        }
        if (correction.applicable()) {
            node.set("lots", LotsJson.tree(correction.lots()));
            node.put("realizedPnlAdjustment", correction.realizedPnlAdjustment().toPlainString());
        } else {
            node.put("reason", FailureText.of(correction.reason()));
        }
        return node.toString();
    }

    public static Reading<Correction> read(String payload) {
        List<String> violations = new ArrayList<>();
        JsonNode root = JsonFields.object(payload, "a correction", violations);
        if (root == null) {
            return new Reading.Rejected<>(violations);
        }
        String positionKey = JsonFields.text(root, "positionKey", true, violations);
        if (positionKey != null && !TradeReader.POSITION_KEY.matcher(positionKey).matches()) {
            violations.add("positionKey must look like ACCOUNT:INSTRUMENT:CCY, was " + Excerpt.of(positionKey));
        }
        Long asOfVersion = JsonFields.positiveLong(root, "asOfVersion", violations);
        CorrectionOutcome outcome = JsonFields.constant(root, "outcome", CorrectionOutcome.class, violations);
        String correlationId = JsonFields.text(root, "correlationId", false, violations);
        PositionLimits.checkLength("correlationId", correlationId, PositionLimits.MAX_TEXT_LENGTH, violations);
        String[] tradeIds = tradeIds(root.get("backdatedTradeIds"), violations);
        TaxLots lots = null;
        BigDecimal realizedPnlAdjustment = null;
        String reason = null;
        if (outcome == CorrectionOutcome.CORRECTED) {
            lots = lots(root.get("lots"), violations);
            realizedPnlAdjustment = JsonFields.decimalText(root, "realizedPnlAdjustment", violations);
        } else if (outcome == CorrectionOutcome.REFUSED) {
            reason = JsonFields.text(root, "reason", true, violations);
            PositionLimits.checkLength("reason", reason, MAX_REASON_LENGTH, violations);
        }
        if (!violations.isEmpty()) {
            return new Reading.Rejected<>(violations);
        }
        return new Reading.Valid<>(new Correction(positionKey, asOfVersion, outcome, lots, realizedPnlAdjustment, tradeIds, reason, correlationId));
    }

    private static String[] tradeIds(JsonNode node, List<String> violations) {
        return tradeIds(node, "backdatedTradeIds", violations);
    }

    /** The backdated trade ids of a correction or of its event's payload ({@code field} names them in the violations). */
    public static String[] tradeIds(JsonNode node, String field, List<String> violations) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_TRADES) {
            violations.add(field + " must be an array of 1 to " + MAX_TRADES + " trade ids");
            return null;
        }
        String[] ids = new String[node.size()];
        for (int index = 0; index < ids.length; index++) {
            JsonNode id = node.get(index);
            if (!id.isTextual() || id.textValue().isEmpty() || id.textValue().length() > PositionLimits.MAX_ID_LENGTH
                    || Excerpt.hasControlCharacter(id.textValue())) {
                violations.add(field + "[" + index + "] must be a trade id, was " + Excerpt.of(id.toString()));
                return null;
            }
            ids[index] = id.textValue();
        }
        return ids;
    }

    private static TaxLots lots(JsonNode node, List<String> violations) {
        if (node == null || !node.isObject() || node.path("ids").size() > MAX_LOTS) {
            violations.add("lots must be an object of at most " + MAX_LOTS + " lots");
            return null;
        }
        TaxLots lots;
        try {
            lots = LotsJson.read(node.toString());
        } catch (RuntimeException unreadable) {
            violations.add("lots are unreadable: " + Excerpt.of(String.valueOf(unreadable.getMessage())));
            return null;
        }
        BigDecimal open = BigDecimal.ZERO;
        for (int lot = 0; lot < lots.count(); lot++) {
            BigDecimal quantity = TaxLots.decimal(lots.quantities()[lot]);
            String id = lots.ids()[lot];
            if (quantity.signum() <= 0 || id.isEmpty() || id.length() > PositionLimits.MAX_ID_LENGTH || Excerpt.hasControlCharacter(id)
                    || lots.tradeDays()[lot] < FIRST_DAY || lots.tradeDays()[lot] > LAST_DAY) {
                violations.add("lot " + lot + " must have an id, a trade day from 1900 to 9999 and a positive quantity");
                return null;
            }
            PositionLimits.checkAmount("lot " + lot + " cost", TaxLots.decimal(lots.costPrices()[lot]), PositionLimits.MAX_PRICE, true, violations);
            PositionLimits.checkAmount("lot " + lot + " reference price", TaxLots.decimal(lots.referencePrices()[lot]), PositionLimits.MAX_PRICE,
                    true, violations);
            open = open.add(quantity);
        }
        if (open.compareTo(PositionLimits.MAX_OPEN_QUANTITY) > 0) {
            violations.add("lots hold " + open.toPlainString() + ", more than " + PositionLimits.MAX_OPEN_QUANTITY.toPlainString());
        }
        return lots;
    }
}
