package com.globeco.trading.local;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * CPU time spent so far, steadier than a wall-clock rate on a shared machine: this JVM's (Flink, the Kafka broker,
 * the simulators, the generator) and the whole machine's busy time from {@code /proc/stat}, which adds the embedded
 * Postgres processes (and anything else running).
 */
record CpuTime(long jvmNanos, long machineNanos) {
    private static final long NANOS_PER_TICK = 10_000_000L;

    static CpuTime now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new CpuTime(jvm, machineBusyNanos());
    }

    /** Microseconds of CPU per unit of work between {@code start} and this, for the JVM and for the machine. */
    String perUnit(CpuTime start, double units, String unit) {
        double jvm = (jvmNanos - start.jvmNanos) / 1e3 / units;
        double machine = (machineNanos - start.machineNanos) / 1e3 / units;
        return String.format("%.0f us per %s in this JVM, %.0f us on the whole machine (JVM %.1f CPU-s, machine %.1f CPU-s)", jvm, unit,
                machine, (jvmNanos - start.jvmNanos) / 1e9, (machineNanos - start.machineNanos) / 1e9);
    }

    /** user + nice + system + irq + softirq + steal of the first line of /proc/stat, in clock ticks of 10 ms. */
    private static long machineBusyNanos() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] ticks = Arrays.stream(cpu, 1, cpu.length).mapToLong(Long::parseLong).toArray();
            return (ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + (ticks.length > 7 ? ticks[7] : 0)) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException unavailable) {
            return -1;
        }
    }
}
