package com.globeco.trading.operators.http;

import java.io.Serializable;

/** The most bytes of a service's answer a client reads: a larger body is refused, never read whole. */
public record AnswerLimit(int bytes) implements Serializable {
    /** 1 MiB: the largest answer of any service here is a few kilobytes. */
    public static final AnswerLimit DEFAULT = new AnswerLimit(1 << 20);

    public AnswerLimit {
        if (bytes < 1) {
            throw new IllegalArgumentException("an answer limit must be at least 1 byte, was " + bytes);
        }
    }

    public boolean exceededBy(long length) {
        return length > bytes;
    }

    /** Why a body past the limit is refused. */
    public String refusal() {
        return "answer larger than " + bytes + " bytes";
    }
}
