package com.globeco.trading.benchmarks;

import com.globeco.trading.local.PrometheusScrape;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The hotpath's contract counters, summed over subtasks: generated on the hotpath, deferred (in all and by reason),
 * the calls made to the Contract Service (quick repeats included) and the retry attempts off the hotpath.
 */
record ContractCounts(double generated, double deferred, double calls, double retryAttempts, List<Double> deferredBy) {
    static final String GENERATED = "contractsGenerated";
    static final String DEFERRED = "contractsDeferred";
    static final String CALLS = "contractCalls";
    static final String DEFERRALS = "contractDeferrals";
    static final String RETRY_ATTEMPTS = "contractRetryAttempts";
    private static final List<String> REASONS = List.of("breaker_open", "call_failed", "answer_refused", "not_sent");

    static ContractCounts scrape(PrometheusScrape metrics) {
        return new ContractCounts(metrics.sum("_" + GENERATED), metrics.sum("_" + DEFERRED), metrics.sum("_" + CALLS),
                metrics.sum("_" + RETRY_ATTEMPTS),
                REASONS.stream().map(reason -> metrics.sumWhere("_" + DEFERRALS, "reason=\"" + reason + "\"")).toList());
    }

    ContractCounts since(ContractCounts start) {
        return new ContractCounts(generated - start.generated, deferred - start.deferred, calls - start.calls,
                retryAttempts - start.retryAttempts,
                IntStream.range(0, REASONS.size()).mapToObj(i -> deferredBy.get(i) - start.deferredBy.get(i)).toList());
    }

    @Override
    public String toString() {
        double requests = generated + deferred;
        StringBuilder reasons = new StringBuilder();
        for (int i = 0; i < REASONS.size(); i++) {
            reasons.append(i == 0 ? "" : ", ").append(REASONS.get(i)).append(' ').append(String.format(Locale.ROOT, "%,.0f", deferredBy.get(i)));
        }
        return String.format(Locale.ROOT, "%,.0f generated on the hotpath, %,.0f deferred (%.2f %%: %s), %,.0f calls (%.1f trades a call), %,.0f retry attempts",
                generated, deferred, requests == 0 ? 0 : 100 * deferred / requests, reasons, calls, calls == 0 ? 0 : requests / calls, retryAttempts);
    }
}
