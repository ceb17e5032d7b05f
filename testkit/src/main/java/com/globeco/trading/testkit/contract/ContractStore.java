package com.globeco.trading.testkit.contract;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Contracts by the trade they were generated for, at most one a trade: generating for a known trade returns the
 * contract it already has, whatever else the request says. Contract numbers are handed out without gaps.
 */
final class ContractStore {

    private static final String ID_PREFIX = "CTR-";

    /** Stamps each contract's {@code createdAt}. */
    private final Clock clock;
    private final ConcurrentMap<String, Contract> byTradeId = new ConcurrentHashMap<>();
    private final AtomicLong lastNumber = new AtomicLong();

    ContractStore(Clock clock) {
        this.clock = clock;
    }

    /** Atomic per trade: of concurrent requests for one trade exactly one generates the contract. */
    Generation generate(ContractRequest request) {
        boolean[] created = {false};
        Contract contract = byTradeId.computeIfAbsent(request.tradeId(), tradeId -> {
            created[0] = true;
            return new Contract(ID_PREFIX + lastNumber.incrementAndGet(), tradeId, request.positionKey(),
                    Contract.GENERATED, clock.instant().toString());
        });
        return new Generation(contract, created[0]);
    }

    Optional<Contract> find(String tradeId) {
        return Optional.ofNullable(byTradeId.get(tradeId));
    }

    int size() {
        return byTradeId.size();
    }

    /** The trade's contract, and whether this request generated it. */
    record Generation(Contract contract, boolean created) {
    }
}
