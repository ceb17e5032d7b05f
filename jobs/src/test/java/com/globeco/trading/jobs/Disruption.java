package com.globeco.trading.jobs;

import com.globeco.trading.testkit.InProcessKafka;
import com.globeco.trading.testkit.LocalPostgres;
import org.apache.flink.runtime.minicluster.MiniCluster;

import java.time.Duration;

/** What a test does to a running job while its input is being published; gives the job that runs afterwards. */
@FunctionalInterface
public interface Disruption {
    /**
     * The time the job runs on a Postgres back up before the next fault: two checkpoints (every second in tests), so the
     * second fault finds it recovered rather than still recovering. A fault is a span of time, not an output to await.
     */
    Duration BETWEEN_FAULTS = Duration.ofSeconds(2);

    RunningJob during(RunningJob job) throws Exception;

    /** What a test checks on the job that runs after the disruption. */
    @FunctionalInterface
    interface Check {
        void on(RunningJob after) throws Exception;
    }

    /** Nothing: the job goes on (for the second of two jobs that one disruption hits). */
    static Disruption none() {
        return job -> job;
    }

    /** New TaskManagers join, then the two the job started on die: its tasks fail over. */
    static Disruption loseTheTaskManagers(MiniCluster cluster) {
        return job -> {
            cluster.startTaskManager();
            cluster.startTaskManager();
            cluster.terminateTaskManager(0).get();
            cluster.terminateTaskManager(1).get();
            return job;
        };
    }

    /**
     * The job's Postgres shut down for {@code down} and started again (open transactions rolled back, connections
     * closed), then a moment later hung for {@code hung} (every process SIGSTOPped: connections open, nothing answers)
     * and let go.
     */
    static Disruption postgresDownThenHung(LocalPostgres postgres, Duration down, Duration hung) {
        return job -> {
            postgres.stop();
            Thread.sleep(down.toMillis());
            postgres.start();
            Thread.sleep(BETWEEN_FAULTS.toMillis());
            try {
                postgres.pause();
                Thread.sleep(hung.toMillis());
            } finally {
                postgres.resume();
            }
            return job;
        };
    }

    /**
     * The Kafka broker shut down for {@code down} and started again on its port: the jobs' sources lose their
     * connections, their transactions wait, and the checkpoints whose Kafka commit could not be made are committed once
     * it is back (within the transaction timeout).
     */
    static Disruption kafkaDown(InProcessKafka kafka, Duration down) {
        return job -> {
            kafka.stopBroker();
            try {
                Thread.sleep(down.toMillis());
            } finally {
                kafka.startBroker();
            }
            return job;
        };
    }

    /** The upgrade the Kubernetes operator does: a savepoint, and the next build started from it. */
    static Disruption upgradeTo(RunningJob.Starter next) {
        return job -> job.upgrade(next);
    }
}
