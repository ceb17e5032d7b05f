package com.globeco.trading.compliance.breaks;

/** How a ticket was resolved: by a person, or by the reconciliation no longer finding its break. */
public enum Resolution {
    MANUAL,
    AUTOMATIC
}
