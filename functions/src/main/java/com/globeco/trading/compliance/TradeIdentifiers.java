package com.globeco.trading.compliance;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Gives a trade its UTI and USI from what identifies it, its position and its trade id, so that a replay, a restart
 * or a second job gives it the same ones: the first 160 bits of SHA-256 over both, as 32 base-32 characters, after the
 * reporting entity's LEI (the UTI) or its CFTC namespace (the USI).
 */
public final class TradeIdentifiers implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int VALUE_BYTES = 20;
    private static final char SEPARATOR = '\u001f';

    /** A made-up entity's LEI (no LOU issued it) for local runs and tests; a deployment sets its own. */
    public static final String EXAMPLE_LEI = Lei.withCheckDigits("984500GLOBECOTRADE").value();
    public static final String EXAMPLE_USI_NAMESPACE = "GLOBECOTRD";

    private final Lei reportingEntity;
    private final String usiNamespace;

    /**
     * @param reportingEntity the LEI that prefixes every UTI
     * @param usiNamespace    the 10-character CFTC namespace that prefixes every USI
     */
    public TradeIdentifiers(Lei reportingEntity, String usiNamespace) {
        this.reportingEntity = Objects.requireNonNull(reportingEntity);
        if (usiNamespace == null || !usiNamespace.matches("[0-9A-Z]{10}")) {
            throw new IllegalArgumentException("a USI namespace is 10 digits or capitals: " + usiNamespace);
        }
        this.usiNamespace = usiNamespace;
    }

    public static TradeIdentifiers example() {
        return new TradeIdentifiers(new Lei(EXAMPLE_LEI), EXAMPLE_USI_NAMESPACE);
    }

    public Lei reportingEntity() {
        return reportingEntity;
    }

    public Uti uti(String positionKey, String tradeId) {
        return new Uti(reportingEntity.value() + value(positionKey, tradeId));
    }

    public Usi usi(String positionKey, String tradeId) {
        return new Usi(usiNamespace + value(positionKey, tradeId));
    }

    private static String value(String positionKey, String tradeId) {
        byte[] digest = sha256().digest((positionKey + SEPARATOR + tradeId).getBytes(StandardCharsets.UTF_8));
        StringBuilder text = new StringBuilder(32);
        int buffer = 0;
        int bits = 0;
        for (int index = 0; index < VALUE_BYTES; index++) {
            buffer = (buffer << 8) | (digest[index] & 0xff);
            bits += 8;
            while (bits >= 5) {
                text.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return text.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TradeIdentifiers that && reportingEntity.equals(that.reportingEntity) && usiNamespace.equals(that.usiNamespace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reportingEntity, usiNamespace);
    }
}
