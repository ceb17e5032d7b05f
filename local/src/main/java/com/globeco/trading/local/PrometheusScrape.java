package com.globeco.trading.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;

/** Reads one figure from Prometheus endpoints (one a process of a cluster): the largest value of a metric with the given labels, or a sum. */
public final class PrometheusScrape {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<URI> endpoints;

    public PrometheusScrape(int port) {
        this(List.of(URI.create("http://localhost:" + port + "/metrics")));
    }

    /** Every endpoint's series together, as of the processes of one cluster. */
    public PrometheusScrape(List<URI> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    public OptionalDouble max(String metricNameSuffix, String labelFragment) {
        return values(metricNameSuffix, labelFragment).max();
    }

    /** The sum over all series (subtasks) of the metrics ending in any of the suffixes. */
    public double sum(String... metricNameSuffixes) {
        double sum = 0;
        for (String suffix : metricNameSuffixes) {
            sum += values(suffix, "").sum();
        }
        return sum;
    }

    /** The sum over the series of the metric ending in the suffix that carry the label fragment. */
    public double sumWhere(String metricNameSuffix, String labelFragment) {
        return values(metricNameSuffix, labelFragment).sum();
    }

    private DoubleStream values(String metricNameSuffix, String labelFragment) {
        return endpoints.stream().flatMapToDouble(endpoint -> values(endpoint, metricNameSuffix, labelFragment));
    }

    private DoubleStream values(URI endpoint, String metricNameSuffix, String labelFragment) {
        try {
            String body = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.lines()
                    .filter(line -> !line.startsWith("#"))
                    .filter(line -> line.contains(labelFragment))
                    .filter(line -> nameOf(line).endsWith(metricNameSuffix))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .filter(value -> !Double.isNaN(value));
        } catch (Exception unavailable) {
            return DoubleStream.empty();
        }
    }

    private static String nameOf(String line) {
        int labels = line.indexOf('{');
        return line.substring(0, labels < 0 ? line.indexOf(' ') : labels);
    }
}
