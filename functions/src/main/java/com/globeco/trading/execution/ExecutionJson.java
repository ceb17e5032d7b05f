package com.globeco.trading.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.fills.FillReader;
import com.globeco.trading.messages.DecimalRange;
import com.globeco.trading.messages.JsonFields;
import com.globeco.trading.messages.Reading;

import java.math.BigDecimal;

/**
 * The Execution Service's JSON, read strictly: an answer is the execution asked for ({@code id}), with its
 * {@code quantity} (positive), {@code quantityFilled} (from zero up to the quantity), {@code averagePrice} (null while
 * nothing was priced, else from zero) as JSON numbers below 10^10 with at most 8 decimals (the service sends scale 8,
 * zero may come back as {@code 0E-8}), and its {@code version} a JSON integer from 1 within 32 bits. Anything else is
 * refused with the reasons, never read as a default value.
 */
public final class ExecutionJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DecimalRange QUANTITY = new DecimalRange(false, FillReader.MAX_AMOUNT, true, FillReader.MAX_DECIMALS);
    private static final DecimalRange FILLED_OR_PRICE = new DecimalRange(true, FillReader.MAX_AMOUNT, true, FillReader.MAX_DECIMALS);

    private ExecutionJson() {}

    /** The execution in {@code body}, which must be execution {@code executionId}'s. */
    public static Reading<ExecutionState> readExecution(String body, long executionId) {
        return JsonFields.readAnswer(body, "an execution", (root, violations) -> {
            Long id = JsonFields.wholeNumber(root, "id", 1, Integer.MAX_VALUE, violations);
            if (id != null && id != executionId) {
                violations.add("id must be the execution asked for, " + executionId + ", was " + id);
            }
            BigDecimal quantity = JsonFields.decimal(root, "quantity", QUANTITY, violations);
            BigDecimal quantityFilled = JsonFields.decimal(root, "quantityFilled", FILLED_OR_PRICE, violations);
            if (quantity != null && quantityFilled != null && quantityFilled.compareTo(quantity) > 0) {
                violations.add("quantityFilled " + quantityFilled.toPlainString() + " exceeds quantity " + quantity.toPlainString());
            }
            BigDecimal averagePrice = JsonFields.optionalDecimal(root, "averagePrice", FILLED_OR_PRICE, violations);
            Long version = JsonFields.wholeNumber(root, "version", 1, Integer.MAX_VALUE, violations);
            String executionStatus = JsonFields.text(root, "executionStatus", false, violations);
            return violations.isEmpty()
                    ? new ExecutionState(id, quantity, quantityFilled, averagePrice, version.intValue(), executionStatus) : null;
        });
    }

    public static String writeUpdate(ExecutionUpdate update) {
        ObjectNode body = JSON.createObjectNode();
        body.put("quantityFilled", update.quantityFilled());
        body.put("averagePrice", update.averagePrice());
        body.put("version", update.version());
        return body.toString();
    }
}
