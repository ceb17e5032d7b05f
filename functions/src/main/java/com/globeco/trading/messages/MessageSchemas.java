package com.globeco.trading.messages;

/**
 * The versions of the messages the jobs write, each the {@code schemaVersion} field of its messages and the version of
 * its JSON Schema in {@code docs/schemas/} ({@code .../<name>/v<N>}). A change that removes or retypes a field or adds
 * a required one is a new version; {@code SchemaCompatibilityTest} holds the schemas to it.
 */
public final class MessageSchemas {
    public static final String VERSION_FIELD = "schemaVersion";
    /** 2: userId names a service for resets and corrections (was null); a trade's uti. */
    public static final int POSITION_EVENT = 2;
    public static final int POSITION_CORRECTION = 1;
    public static final int BACKDATED_TRADE = 1;
    public static final int CONTRACT_OUTCOME = 1;
    public static final int DEAD_LETTER = 1;
    public static final int DEAD_LETTER_REPLAY = 1;
    public static final int REPORT_OUTCOME = 1;
    public static final int REPORT_COMMAND = 1;

    private MessageSchemas() {}
}
