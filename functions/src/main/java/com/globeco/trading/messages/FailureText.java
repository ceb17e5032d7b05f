package com.globeco.trading.messages;

import java.util.regex.Pattern;

/**
 * Why something failed, as it is written into a message or a row: at most {@value #MAX_CHARACTERS} characters, with
 * the whole text's length when cut, and control characters shown as U+FFFD (as in an {@link Excerpt}). A service's
 * whole answer, or an exception's message, never makes a record large or unstorable.
 */
public final class FailureText {
    public static final int MAX_CHARACTERS = 1_000;
    /** The characters below U+0020, as {@link Excerpt#hasControlCharacter} finds them (NUL, which Postgres cannot store, among them). */
    public static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F]");

    private FailureText() {}

    public static String of(String text) {
        if (text == null) {
            return null;
        }
        String cut = text.length() <= MAX_CHARACTERS ? text : cut(text);
        return Excerpt.hasControlCharacter(cut) ? CONTROL.matcher(cut).replaceAll("\uFFFD") : cut;
    }

    private static String cut(String text) {
        String marker = "... (" + text.length() + " characters)";
        int kept = MAX_CHARACTERS - marker.length();
        if (Character.isHighSurrogate(text.charAt(kept - 1))) {
            kept--;
        }
        return text.substring(0, kept) + marker;
    }
}
