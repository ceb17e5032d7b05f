package com.globeco.trading.testkit.http;

/**
 * A simulated service's API: answers a request that got past the injected faults. A runtime exception thrown here is
 * answered 500 with a Spring Boot style error body.
 */
@FunctionalInterface
public interface ApiRouter {

    Reply route(ApiRequest request);
}
