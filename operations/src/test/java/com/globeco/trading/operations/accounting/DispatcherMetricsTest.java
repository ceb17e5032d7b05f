package com.globeco.trading.operations.accounting;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DispatcherMetricsTest {
    private static final RejectedLine REJECTED = new RejectedLine("allocations-1.csv", 2, "AC28", "line", "price");

    @Test
    void filesSentFailuresAndRejectedLinesAreCountedAndServed() throws Exception {
        try (DispatcherMetrics metrics = new DispatcherMetrics().serve(0)) {
            metrics.record(List.of(new AccountingFileDispatcher.Result(Path.of("a.csv"), true, "exit 0", List.of(REJECTED, REJECTED)),
                    new AccountingFileDispatcher.Result(Path.of("b.csv"), false, "exit 1", List.of()),
                    new AccountingFileDispatcher.Result(Path.of("c.csv"), true, "exit 0", List.of())));

            String scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + metrics.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            assertThat(scraped).contains(DispatcherMetrics.FILES_SENT + " 2\n", DispatcherMetrics.FILE_FAILURES + " 1\n",
                    DispatcherMetrics.LINES_REJECTED + " 2\n");
        }
    }

    @Test
    void everyDispatcherMetricTheAlertsAndDashboardsUseIsExported() throws Exception {
        String exported = new DispatcherMetrics().render();
        Matcher used = Pattern.compile("globeco_accounting_[a-z_]+").matcher(Files.readString(Path.of("..", "k8s-operator", "monitoring", "alerts.yaml"))
                + readAll(Path.of("..", "k8s-operator", "monitoring", "dashboards")));

        while (used.find()) {
            assertThat(exported).as("%s is used by monitoring/ but not exported", used.group()).contains("\n" + used.group() + " ");
        }
    }

    private static String readAll(Path folder) throws Exception {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
