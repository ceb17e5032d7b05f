package com.globeco.trading.fills;

import com.globeco.trading.messages.DeadLetterReason;

/** One broken rule of a fill message: a category for metrics and a sentence for people. */
public record Violation(Category category, String message) {

    public enum Category {
        MALFORMED_JSON,
        MISSING_FIELD,
        INVALID_TYPE,
        OUT_OF_RANGE,
        BUSINESS_RULE;

        /** The dead-letter reason of a fill rejected for this: the reason of the same name. */
        public DeadLetterReason deadLetterReason() {
            return DeadLetterReason.valueOf(name());
        }
    }

    @Override
    public String toString() {
        return category + ": " + message;
    }
}
