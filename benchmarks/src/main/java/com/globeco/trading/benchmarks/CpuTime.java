package com.globeco.trading.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CPU time spent so far, steadier than a wall-clock rate on a shared machine: this JVM's (Flink, the Kafka broker,
 * the simulators, the generator) and the whole machine's busy time from {@code /proc/stat}, which adds the embedded
 * Postgres processes (and anything else running). The JVM's threads of the in-process broker and of the simulators,
 * generators and watchers are summed apart: in a deployment they run elsewhere, so what is left is the job's own CPU.
 */
record CpuTime(long jvmNanos, long machineNanos, long brokerNanos, long simulatorNanos, Map<String, Long> byThread,
               Map<String, Long> byNativeThread, long gcPauses, long gcMillis) {
    private static final long NANOS_PER_TICK = 10_000_000L;
    /** The simulators, the generators with their producers' default client ids, and the benchmark's own watchers. */
    private static final Pattern SIMULATOR_OR_GENERATOR = Pattern.compile(".*simulator.*|HTTP-Dispatcher|trade-publisher|market-data-feed"
            + "|fill-publisher|kafka-producer-network-thread \\| producer-\\d+|visibility-.*|.*\\| visibility-.*");
    /** The JVM's own threads and RocksDB's, which the JVM's thread bean does not list, by their names in /proc. */
    private static final Pattern NATIVE = Pattern.compile("G1 .*|GC Thread.*|C[12] CompilerThre.*|VM .*|rocksdb:.*|Sweeper.*"
            + "|Service Thread|Monitor Deflati.*|Common-Cleaner|Signal Dispatch.*|Finalizer|Reference Handl.*");
    private static final Pattern BROKER = Pattern.compile(
            "data-plane-kafka.*|kafka-\\d+-.*|quorum-controller.*|group-coordinator.*|share-coordinator.*|ExpirationReaper.*|log-closing.*"
                    + "|kafka-log-cleaner.*|kafka-scheduler-.*|raft-.*|broker-\\d+-.*|controller-\\d+-.*|TxnMarkerSenderThread.*"
                    + "|transaction-log-manager.*|LogDirFailureHandler|kafka-purgatory.*|.*-event-handler|RemoteLogManager.*");

    static CpuTime now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long broker = 0;
        long simulators = 0;
        Map<String, Long> byThread = new HashMap<>();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            long nanos = Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            byThread.merge(kind(thread.getThreadName()), nanos, Long::sum);
            if (SIMULATOR_OR_GENERATOR.matcher(thread.getThreadName()).matches()) {
                simulators += nanos;
            } else if (BROKER.matcher(thread.getThreadName()).matches()) {
                broker += nanos;
            }
        }
        long gcPauses = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcPauses += Math.max(0, collector.getCollectionCount());
            gcMillis += Math.max(0, collector.getCollectionTime());
        }
        return new CpuTime(jvm, machineBusyNanos(), broker, simulators, byThread, nativeThreads(), gcPauses, gcMillis);
    }

    /** A thread's name without its numbers, so the threads of one kind (subtasks, pool members) add up. */
    private static String kind(String threadName) {
        String kind = threadName.replaceAll("\\(\\d+/\\d+\\)#\\d+", "").replaceAll("\\d+", "N");
        return kind.length() > 100 ? kind.substring(0, 100) + "..." : kind;
    }

    /** The garbage collections since {@code start} and how long they took (G1's young and mixed pauses stop the job). */
    String collections(CpuTime start, double seconds) {
        long pauses = gcPauses - start.gcPauses;
        long millis = gcMillis - start.gcMillis;
        return String.format("%,d collections, %,d ms (%.1f %% of the time), %.0f ms each on average", pauses, millis,
                100.0 * millis / 1000 / seconds, pauses == 0 ? 0.0 : (double) millis / pauses);
    }

    /** The {@code count} kinds of thread that spent the most CPU per unit since {@code start} (threads that ended are not counted). */
    String busiestThreads(CpuTime start, double units, String unit, int count) {
        return byThread.entrySet().stream()
                .map(kind -> Map.entry(kind.getKey(), kind.getValue() - start.byThread.getOrDefault(kind.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(count)
                .map(kind -> String.format("%8.0f us per %s  %s", kind.getValue() / 1e3 / units, unit, kind.getKey()))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    /** As {@link #busiestThreads}, for the threads outside the JVM's thread bean: GC, JIT, RocksDB (10 ms ticks of /proc). */
    String busiestNativeThreads(CpuTime start, double units, String unit, int count) {
        return byNativeThread.entrySet().stream()
                .map(kind -> Map.entry(kind.getKey(), kind.getValue() - start.byNativeThread.getOrDefault(kind.getKey(), 0L)))
                .filter(kind -> kind.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(count)
                .map(kind -> String.format("%8.0f us per %s  %s", kind.getValue() / 1e3 / units, unit, kind.getKey()))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    /** CPU time of this process's native threads by kind, from {@code /proc/self/task/<id>/stat} (utime + stime). */
    private static Map<String, Long> nativeThreads() {
        Map<String, Long> byKind = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (NATIVE.matcher(name).matches()) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        byKind.merge(name.replaceAll("\\d+", "N"), (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK, Long::sum);
                    }
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while it was read
                }
            }
        } catch (IOException unavailable) {
            return Map.of();
        }
        return byKind;
    }

    /** Microseconds of CPU per unit of work between {@code start} and this, for the JVM and for the machine. */
    String perUnit(CpuTime start, double units, String unit) {
        double jvm = (jvmNanos - start.jvmNanos) / 1e3 / units;
        double machine = (machineNanos - start.machineNanos) / 1e3 / units;
        return String.format("%.0f us per %s in this JVM, %.0f us on the whole machine (JVM %.1f CPU-s, machine %.1f CPU-s)", jvm, unit,
                machine, (jvmNanos - start.jvmNanos) / 1e9, (machineNanos - start.machineNanos) / 1e9);
    }

    /** The JVM's CPU per unit split into the job's own, the in-process broker's and the simulators' and generators'. */
    String splitPerUnit(CpuTime start, double units, String unit) {
        long broker = brokerNanos - start.brokerNanos;
        long simulators = simulatorNanos - start.simulatorNanos;
        long job = jvmNanos - start.jvmNanos - broker - simulators;
        long javaThreads = byThread.values().stream().mapToLong(Long::longValue).sum() - start.byThread.values().stream().mapToLong(Long::longValue).sum();
        long internal = jvmNanos - start.jvmNanos - javaThreads;
        List<String> parts = List.of(String.format("job %.0f us", job / 1e3 / units), String.format("Kafka broker %.0f us", broker / 1e3 / units),
                String.format("simulators and generator %.0f us", simulators / 1e3 / units));
        return String.join(", ", parts) + " per " + unit + String.format(" (threads of this JVM; the job's figure includes %.0f us outside"
                + " its Java threads: GC, JIT and RocksDB's native threads; Postgres is the machine's rest)", internal / 1e3 / units);
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
