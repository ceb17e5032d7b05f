package com.globeco.trading.testkit.fills;

record Security(String securityId, String ticker) {
}
