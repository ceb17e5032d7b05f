package com.globeco.trading.autoscaler;

import org.apache.flink.api.common.JobID;
import org.apache.flink.autoscaler.JobAutoScaler;
import org.apache.flink.autoscaler.JobAutoScalerContext;
import org.apache.flink.autoscaler.JobAutoScalerImpl;
import org.apache.flink.autoscaler.RestApiMetricsCollector;
import org.apache.flink.autoscaler.ScalingExecutor;
import org.apache.flink.autoscaler.ScalingMetricEvaluator;
import org.apache.flink.autoscaler.event.AutoScalerEventHandler;
import org.apache.flink.autoscaler.event.LoggingEventHandler;
import org.apache.flink.autoscaler.state.AutoScalerStateStore;
import org.apache.flink.autoscaler.state.InMemoryAutoScalerStateStore;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Flink Kubernetes Operator's job autoscaler for the jobs of a standalone Flink cluster, as the operator's
 * {@code flink-autoscaler-standalone} runs it (which is not published where we build): every control-loop interval it
 * collects each running job's metrics through the cluster's REST API, evaluates them against the job's
 * {@code job.autoscaler.*} targets and applies the parallelism it chooses through the adaptive scheduler's
 * resource-requirements endpoint.
 *
 * <p>{@code StandaloneAutoscaler <rest url> [key=value ...]}: the settings are the autoscaler's own and every job's
 * defaults; a job's JobManager configuration overrides them.
 */
public final class StandaloneAutoscaler {
    static final ConfigOption<Duration> CONTROL_LOOP_INTERVAL = ConfigOptions.key("autoscaler.standalone.control-loop.interval")
            .durationType().defaultValue(Duration.ofSeconds(10));
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneAutoscaler.class);

    private final ClusterJobs jobs;
    private final JobAutoScaler<JobID, JobAutoScalerContext<JobID>> autoscaler;
    private final Set<JobID> scaled = new HashSet<>();

    StandaloneAutoscaler(ClusterJobs jobs, JobAutoScaler<JobID, JobAutoScalerContext<JobID>> autoscaler) {
        this.jobs = jobs;
        this.autoscaler = autoscaler;
    }

    public static void main(String[] args) throws Exception {
        URI rest = URI.create(args[0]);
        Configuration settings = new Configuration();
        for (int i = 1; i < args.length; i++) {
            String[] setting = args[i].split("=", 2);
            settings.setString(setting[0], setting[1]);
        }
        AutoScalerEventHandler<JobID, JobAutoScalerContext<JobID>> events = new LoggingEventHandler<>();
        AutoScalerStateStore<JobID, JobAutoScalerContext<JobID>> store = new InMemoryAutoScalerStateStore<>();
        JobAutoScaler<JobID, JobAutoScalerContext<JobID>> autoscaler = new JobAutoScalerImpl<>(new RestApiMetricsCollector<>(),
                new ScalingMetricEvaluator(), new ScalingExecutor<>(events, store), events, new ResourceRequirementsRealizer(rest), store);
        new StandaloneAutoscaler(new ClusterJobs(rest, settings), autoscaler).runEvery(settings.get(CONTROL_LOOP_INTERVAL));
    }

    private void runEvery(Duration interval) throws InterruptedException {
        LOG.info("scaling the jobs of {} every {}", jobs, interval);
        while (!Thread.currentThread().isInterrupted()) {
            scaleOnce();
            Thread.sleep(interval.toMillis());
        }
    }

    /** One control loop: each running job scaled, the memory of jobs that ended dropped. */
    void scaleOnce() {
        Map<JobID, JobAutoScalerContext<JobID>> running;
        try {
            running = jobs.running();
        } catch (Exception unreachable) {
            LOG.warn("cannot list the cluster's jobs: {}", unreachable.toString());
            return;
        }
        for (JobAutoScalerContext<JobID> job : running.values()) {
            try {
                autoscaler.scale(job);
            } catch (Exception failed) {
                LOG.warn("scaling {} failed", job.getJobID(), failed);
            }
        }
        scaled.removeIf(job -> {
            if (running.containsKey(job)) {
                return false;
            }
            autoscaler.cleanup(job);
            return true;
        });
        scaled.addAll(running.keySet());
    }
}
