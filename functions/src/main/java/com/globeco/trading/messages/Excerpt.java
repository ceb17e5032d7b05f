package com.globeco.trading.messages;

/**
 * A value quoted in a rejection: at most 64 characters of it, with its length when cut, and control
 * characters shown as U+FFFD, so a dead letter's reason stays short and storable.
 */
public final class Excerpt {
    private static final int LENGTH = 64;

    private Excerpt() {}

    public static String of(String text) {
        String shown = text.length() <= LENGTH ? text : text.substring(0, LENGTH) + "... (" + text.length() + " characters)";
        return hasControlCharacter(shown) ? shown.replaceAll("\\p{Cntrl}", "\uFFFD") : shown;
    }

    /** Whether a text holds a character below U+0020 (NUL included, which Postgres cannot store). */
    public static boolean hasControlCharacter(String text) {
        for (int index = 0; index < text.length(); index++) {
            if (text.charAt(index) < ' ') {
                return true;
            }
        }
        return false;
    }
}
