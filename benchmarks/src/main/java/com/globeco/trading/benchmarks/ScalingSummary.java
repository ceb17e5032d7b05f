package com.globeco.trading.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.OptionalDouble;

/** What the autoscaler benchmark's samples show: when the parallelism moved after each step, and the lag around it. */
final class ScalingSummary {
    private static final long LAG_TARGET = 1_000;
    private final List<AutoscalerBenchmark.Sample> samples;
    private final List<AutoscalerBenchmark.Step> steps;

    ScalingSummary(List<AutoscalerBenchmark.Sample> samples, List<AutoscalerBenchmark.Step> steps) {
        this.samples = samples;
        this.steps = steps;
    }

    void print(PrintStream console) {
        console.printf("%n== summary ==%n");
        for (AutoscalerBenchmark.Step step : steps) {
            List<AutoscalerBenchmark.Sample> during = samples.stream().filter(sample -> sample.step() == step).toList();
            if (during.isEmpty()) {
                continue;
            }
            AutoscalerBenchmark.Sample first = during.get(0);
            AutoscalerBenchmark.Sample last = during.get(during.size() - 1);
            int before = previous(first).map(AutoscalerBenchmark.Sample::maxParallelism).orElse(first.maxParallelism());
            console.printf("%-9s %,6.0f trades/s: parallelism %d -> %d (chosen over time: %s)%n", step.name(), step.tradesPerSecond(), before,
                    last.maxParallelism(), during.stream().map(AutoscalerBenchmark.Sample::maxParallelism).distinct().toList());
            OptionalDouble changed = during.stream().filter(sample -> sample.maxParallelism() != before)
                    .mapToDouble(sample -> sample.seconds() - first.seconds()).findFirst();
            console.printf("          time to scale: %s; lag at the step %,d, peak %,d, at the end %,d (target under %,d)%n",
                    changed.isPresent() ? String.format("%.0f s after the step (+- one %s sample)", changed.getAsDouble(), "5 s") : "no change",
                    first.lag(), during.stream().mapToLong(AutoscalerBenchmark.Sample::lag).max().orElse(0), last.lag(), LAG_TARGET);
            during.stream().filter(sample -> sample.lag() < LAG_TARGET && during.stream().filter(later -> later.seconds() >= sample.seconds())
                            .allMatch(later -> later.lag() < LAG_TARGET)).findFirst()
                    .ifPresent(settled -> console.printf("          lag under %,d for good from %.0f s after the step%n", LAG_TARGET,
                            settled.seconds() - first.seconds()));
        }
    }

    private java.util.Optional<AutoscalerBenchmark.Sample> previous(AutoscalerBenchmark.Sample sample) {
        int index = samples.indexOf(sample);
        return index > 0 ? java.util.Optional.of(samples.get(index - 1)) : java.util.Optional.empty();
    }
}
