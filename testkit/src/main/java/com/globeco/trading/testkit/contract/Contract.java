package com.globeco.trading.testkit.contract;

/** A generated contract as it goes over the wire; {@code createdAt} is an ISO-8601 instant. */
record Contract(String contractId, String tradeId, String positionKey, String status, String createdAt) {

    static final String GENERATED = "GENERATED";
}
