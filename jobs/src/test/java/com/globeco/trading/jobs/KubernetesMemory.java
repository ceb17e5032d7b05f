package com.globeco.trading.jobs;

import org.apache.flink.configuration.MemorySize;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code spec.jobManager/taskManager.resource.memory} as the operator hands it to Flink: its
 * {@code FlinkConfigBuilder.parseResourceMemoryString} (release-1.15.0). What Flink's {@link MemorySize} reads (1600m,
 * 2g) stays; anything else is read as a Kubernetes quantity (2Gi, 1.5G) and becomes a number of bytes, as fabric8's
 * {@code Quantity.getNumericalAmount()} writes it.
 */
final class KubernetesMemory {
    private static final Pattern QUANTITY = Pattern.compile("([+-]?[0-9.]+)([a-zA-Z]*)");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("Ki", BigDecimal.valueOf(2).pow(10)), Map.entry("Mi", BigDecimal.valueOf(2).pow(20)),
            Map.entry("Gi", BigDecimal.valueOf(2).pow(30)), Map.entry("Ti", BigDecimal.valueOf(2).pow(40)),
            Map.entry("Pi", BigDecimal.valueOf(2).pow(50)), Map.entry("Ei", BigDecimal.valueOf(2).pow(60)),
            Map.entry("K", BigDecimal.TEN.pow(3)), Map.entry("M", BigDecimal.TEN.pow(6)), Map.entry("G", BigDecimal.TEN.pow(9)),
            Map.entry("T", BigDecimal.TEN.pow(12)), Map.entry("P", BigDecimal.TEN.pow(15)), Map.entry("E", BigDecimal.TEN.pow(18)));

    private KubernetesMemory() {
    }

    /** The value Flink's memory option gets; throws IllegalArgumentException when neither reading takes it. */
    static String toFlink(String memory) {
        try {
            return MemorySize.parse(memory).toString();
        } catch (IllegalArgumentException notFlinks) {
            return bytesOfQuantity(memory);
        }
    }

    private static String bytesOfQuantity(String memory) {
        String quantity = memory.trim().replaceAll("\\s", "").toUpperCase();
        if (quantity.endsWith("B")) {
            quantity = quantity.substring(0, quantity.length() - 1);
        }
        if (quantity.endsWith("I")) {
            quantity = quantity.substring(0, quantity.length() - 1) + "i";
        }
        Matcher matcher = QUANTITY.matcher(quantity);
        if (!matcher.matches() || !SUFFIXES.containsKey(matcher.group(2))) {
            throw new IllegalArgumentException("neither a Flink memory size nor a Kubernetes quantity: " + memory);
        }
        return new BigDecimal(matcher.group(1)).multiply(SUFFIXES.get(matcher.group(2))).toString();
    }
}
