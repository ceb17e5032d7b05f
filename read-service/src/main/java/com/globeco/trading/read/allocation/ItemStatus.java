package com.globeco.trading.read.allocation;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What became of one posted execution; in JSON its name in lower case. */
public enum ItemStatus {
    /** Published to the posted-executions topic: the allocation job books it once. */
    ACCEPTED,
    /** Still open ({@code isOpen} true): not published, as the seed asks. */
    SKIPPED,
    /** Already booked, or earlier in the same batch: not published again. */
    DUPLICATE,
    /** Broke a fill or booking rule, or could not be published: the error says which. */
    ERROR;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
