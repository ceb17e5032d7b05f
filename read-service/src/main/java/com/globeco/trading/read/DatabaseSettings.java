package com.globeco.trading.read;

/** Where one database is and who the service is there (always the read-only role, {@code globeco_reader}). */
public record DatabaseSettings(String url, String user, String password) {
    public DatabaseSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a database URL is required");
        }
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=***]";
    }
}
