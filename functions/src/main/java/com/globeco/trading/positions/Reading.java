package com.globeco.trading.positions;

import java.util.List;

/** What a reader made of one message: a valid value, or the rules it broke. */
public sealed interface Reading<T> {

    record Valid<T>(T value) implements Reading<T> {}

    record Rejected<T>(List<String> violations) implements Reading<T> {
        public String explanation() {
            return String.join("; ", violations);
        }
    }

    /** The valid value turned into another; the violations of a rejected reading stay. */
    default <R> Reading<R> map(java.util.function.Function<T, R> change) {
        return this instanceof Valid<T> valid ? new Valid<>(change.apply(valid.value())) : new Rejected<>(((Rejected<T>) this).violations());
    }

    static <T> Reading<T> rejected(String violation) {
        return new Rejected<>(List.of(violation));
    }
}
