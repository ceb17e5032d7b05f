package com.globeco.trading.positions;

import com.globeco.trading.messages.DeadLetterReason;

/**
 * What one replay attempt came to: a correction (applicable, or refused for an impossible history), or
 * no correction because the event stream could not be loaded ({@link #retryable()}), with why.
 */
public record ReplayOutcome(PendingReplay request, Correction correction, DeadLetterReason refusal, String detail) {

    public static ReplayOutcome corrected(PendingReplay request, Replay.Result truth) {
        return new ReplayOutcome(request, Correction.corrected(request.positionKey(), request.asOfVersion(), truth, request.tradeIds(),
                request.correlationId()), null, null);
    }

    public static ReplayOutcome refused(PendingReplay request, DeadLetterReason reason, String detail) {
        return new ReplayOutcome(request, Correction.refused(request.positionKey(), request.asOfVersion(), request.tradeIds(), detail,
                request.correlationId()), reason, detail);
    }

    public static ReplayOutcome notLoaded(PendingReplay request, String detail) {
        return new ReplayOutcome(request, null, DeadLetterReason.EVENT_STORE_UNAVAILABLE, detail);
    }

    public boolean retryable() {
        return correction == null;
    }

    /** The correction to send: a stream that could not be loaded through every retry refuses it. */
    public Correction settled() {
        return correction != null ? correction : Correction.refused(request.positionKey(), request.asOfVersion(), request.tradeIds(),
                detail, request.correlationId());
    }
}
