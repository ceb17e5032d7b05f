package com.globeco.trading.operators.sinks;

/**
 * Free text on its way into a Postgres text column: Postgres stores no NUL character, so each becomes
 * U+FFFD. Used for texts that quote what a message held, such as a rejection's explanation.
 */
public final class PostgresText {
    private PostgresText() {}

    public static String storable(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }
}
