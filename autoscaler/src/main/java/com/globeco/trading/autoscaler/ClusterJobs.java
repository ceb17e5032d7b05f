package com.globeco.trading.autoscaler;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.autoscaler.JobAutoScalerContext;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.highavailability.nonha.standalone.StandaloneClientHAServices;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running jobs of a standalone cluster, each as the autoscaler's context: its id, configuration and a supplier of
 * REST clients (the autoscaler closes each client it is given).
 */
final class ClusterJobs {
    private final URI rest;
    private final Configuration defaults;
    private final RestJson json;

    ClusterJobs(URI rest, Configuration defaults) {
        this.rest = rest;
        this.defaults = defaults;
        this.json = new RestJson(rest);
    }

    Map<JobID, JobAutoScalerContext<JobID>> running() throws Exception {
        Map<JobID, JobAutoScalerContext<JobID>> running = new LinkedHashMap<>();
        try (RestClusterClient<String> client = newClient()) {
            for (JobStatusMessage job : client.listJobs().get()) {
                if (job.getJobState() == JobStatus.RUNNING) {
                    running.put(job.getJobId(), new JobAutoScalerContext<>(job.getJobId(), job.getJobId(), JobStatus.RUNNING,
                            configurationOf(job.getJobId()), new UnregisteredMetricsGroup(), this::newClient));
                }
            }
        }
        return running;
    }

    private RestClusterClient<String> newClient() throws Exception {
        return new RestClusterClient<>(defaults, "standalone", (configuration, fatalErrors) -> new StandaloneClientHAServices(rest.toString()));
    }

    /** The autoscaler's defaults, overridden by the job's JobManager configuration. */
    private Configuration configurationOf(JobID job) throws Exception {
        Configuration configuration = new Configuration(defaults);
        for (JsonNode entry : json.get("/jobs/" + job + "/jobmanager/config")) {
            configuration.setString(entry.path("key").asText(), entry.path("value").asText());
        }
        return configuration;
    }

    @Override
    public String toString() {
        return rest.toString();
    }
}
