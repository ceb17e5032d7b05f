package com.globeco.trading.operations.accounting;

import com.globeco.trading.operations.kafka.KafkaConnection;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs beside the Portfolio Accounting CLI (a sidecar sharing the files volume) and hands it every
 * complete allocation file: {@code PortfolioAccountingDispatcher <directory> <command ...{file}...>},
 * for example {@code /usr/local/share/files /usr/local/bin/cli process --file {file} --output-dir {output-dir}}.
 * Environment: {@code DISPATCH_POLL_SECONDS} (5), {@code DISPATCH_TIMEOUT_SECONDS} (300); with
 * {@code KAFKA_BOOTSTRAP_SERVERS} (and {@code KAFKA_CLIENT_CONFIG}), each line the CLI rejects is also a dead letter on
 * {@code ALLOCATION_DEAD_LETTER_TOPIC} ({@code allocations.dlq}). Its counters are at {@code :DISPATCH_METRICS_PORT/metrics}
 * (9249, {@link DispatcherMetrics}); a pass is asked for now at {@code POST :DISPATCH_CONTROL_PORT/dispatch} (8091,
 * {@link DispatchControl}).
 */
public final class PortfolioAccountingDispatcher {
    private PortfolioAccountingDispatcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PortfolioAccountingDispatcher <directory> <command ...{file}...>");
            System.exit(2);
        }
        Map<String, String> environment = System.getenv();
        Duration poll = Duration.ofSeconds(Long.parseLong(environment.getOrDefault("DISPATCH_POLL_SECONDS", "5")));
        Duration timeout = Duration.ofSeconds(Long.parseLong(environment.getOrDefault("DISPATCH_TIMEOUT_SECONDS", "300")));
        List<String> command = Arrays.asList(args).subList(1, args.length);
        RejectedLineLetters letters = environment.containsKey("KAFKA_BOOTSTRAP_SERVERS")
                ? new RejectedLineLetters(KafkaConnection.from(List.of(), environment).properties(),
                        environment.getOrDefault("ALLOCATION_DEAD_LETTER_TOPIC", "allocations.dlq"), Clock.systemUTC())
                : null;
        AccountingFileDispatcher dispatcher = new AccountingFileDispatcher(Path.of(args[0]), command, timeout, poll, Clock.systemUTC(),
                letters != null ? letters : rejected -> {});
        DispatcherMetrics metrics = new DispatcherMetrics().serve(Integer.parseInt(environment.getOrDefault("DISPATCH_METRICS_PORT", "9249")));
        new DispatchControl(dispatcher, metrics).serve(Integer.parseInt(environment.getOrDefault("DISPATCH_CONTROL_PORT", "8091")));
        while (!Thread.currentThread().isInterrupted()) {
            metrics.record(dispatcher.dispatchPending());
            Thread.sleep(poll.toMillis());
        }
    }
}
