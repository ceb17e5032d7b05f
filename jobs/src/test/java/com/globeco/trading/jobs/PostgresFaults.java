package com.globeco.trading.jobs;

/** What a job under test is started with when its Postgres will be taken away. */
final class PostgresFaults {
    /**
     * Timeouts shorter than the hang a test inflicts (12 s), so the job meets them: a login gives up after 2 s, a
     * statement on a silent connection after 3 s.
     */
    static final String[] SHORT_TIMEOUTS = {"--postgres.connect-timeout", "PT2S", "--postgres.socket-timeout", "PT3S"};

    private PostgresFaults() {}
}
