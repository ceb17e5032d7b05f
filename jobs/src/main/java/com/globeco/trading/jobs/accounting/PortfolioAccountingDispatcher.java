package com.globeco.trading.jobs.accounting;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Runs beside the Portfolio Accounting CLI (a sidecar sharing the files volume) and hands it every
 * complete allocation file: {@code PortfolioAccountingDispatcher <directory> <command ...{file}...>},
 * for example {@code /usr/local/share/files portfolio-accounting-cli import --file {file}}.
 * Environment: {@code DISPATCH_POLL_SECONDS} (5), {@code DISPATCH_TIMEOUT_SECONDS} (300).
 */
public final class PortfolioAccountingDispatcher {
    private PortfolioAccountingDispatcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PortfolioAccountingDispatcher <directory> <command ...{file}...>");
            System.exit(2);
        }
        Duration poll = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("DISPATCH_POLL_SECONDS", "5")));
        Duration timeout = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("DISPATCH_TIMEOUT_SECONDS", "300")));
        List<String> command = Arrays.asList(args).subList(1, args.length);
        AccountingFileDispatcher dispatcher = new AccountingFileDispatcher(Path.of(args[0]), command, timeout, poll, Clock.systemUTC());
        while (!Thread.currentThread().isInterrupted()) {
            dispatcher.dispatchPending();
            Thread.sleep(poll.toMillis());
        }
    }
}
