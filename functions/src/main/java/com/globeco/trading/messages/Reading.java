package com.globeco.trading.messages;

import java.util.List;
import java.util.function.Function;

/**
 * What a reader made of one message or answer: a valid value, the rules it broke, or nothing the reader is for (a
 * message of a kind another consumer of the topic wants).
 */
public sealed interface Reading<T> {

    record Valid<T>(T value) implements Reading<T> {}

    record Rejected<T>(List<String> violations) implements Reading<T> {
        public String explanation() {
            return String.join("; ", violations);
        }
    }

    record Ignored<T>(String kind) implements Reading<T> {}

    /** The valid value turned into another; the violations of a rejected reading stay. */
    default <R> Reading<R> map(Function<T, R> change) {
        return then(value -> new Valid<>(change.apply(value)));
    }

    /** The valid value read further by {@code next}; the violations of a rejected reading stay. */
    default <R> Reading<R> then(Function<T, Reading<R>> next) {
        if (this instanceof Ignored<T> ignored) {
            return new Ignored<>(ignored.kind());
        }
        return this instanceof Valid<T> valid ? next.apply(valid.value()) : new Rejected<>(((Rejected<T>) this).violations());
    }

    /**
     * The valid value as {@code valid} makes it, or the explanation of the violations as {@code rejected} does (for an
     * ignored message: that it was ignored).
     */
    default <R> R fold(Function<T, R> valid, Function<String, R> rejected) {
        if (this instanceof Ignored<T> ignored) {
            return rejected.apply("a " + ignored.kind() + " is not read here");
        }
        return this instanceof Valid<T> value ? valid.apply(value.value()) : rejected.apply(((Rejected<T>) this).explanation());
    }

    static <T> Reading<T> ignored(String kind) {
        return new Ignored<>(kind);
    }

    static <T> Reading<T> rejected(String violation) {
        return new Rejected<>(List.of(violation));
    }
}
