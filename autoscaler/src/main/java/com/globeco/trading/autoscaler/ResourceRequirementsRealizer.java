package com.globeco.trading.autoscaler;

import org.apache.flink.api.common.JobID;
import org.apache.flink.autoscaler.JobAutoScalerContext;
import org.apache.flink.autoscaler.realizer.ScalingRealizer;
import org.apache.flink.autoscaler.tuning.ConfigChanges;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Map;

/**
 * Applies the autoscaler's parallelism to a running job through the adaptive scheduler's resource requirements
 * ({@code PUT /jobs/:jobid/resource-requirements}, each overridden vertex's upper bound): the scheduler rescales from
 * the latest checkpoint, without a new submission. Memory and other configuration changes need a redeployment, which a
 * standalone cluster cannot do; they are logged.
 */
final class ResourceRequirementsRealizer implements ScalingRealizer<JobID, JobAutoScalerContext<JobID>> {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceRequirementsRealizer.class);
    private final RestJson json;

    ResourceRequirementsRealizer(URI rest) {
        json = new RestJson(rest);
    }

    @Override
    public void realizeParallelismOverrides(JobAutoScalerContext<JobID> job, Map<String, String> overrides) throws Exception {
        String path = "/jobs/" + job.getJobID() + "/resource-requirements";
        ObjectNode requirements = (ObjectNode) json.get(path);
        boolean changed = false;
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            JsonNode vertex = requirements.path(override.getKey());
            if (vertex.isMissingNode()) {
                continue;
            }
            ObjectNode parallelism = (ObjectNode) vertex.path("parallelism");
            int upper = Integer.parseInt(override.getValue());
            if (parallelism.path("upperBound").asInt() != upper) {
                parallelism.put("lowerBound", 1).put("upperBound", upper);
                changed = true;
            }
        }
        if (changed) {
            json.put(path, requirements);
            LOG.info("job {}: vertex parallelism set to {}", job.getJobID(), overrides);
        }
    }

    @Override
    public void realizeConfigOverrides(JobAutoScalerContext<JobID> job, ConfigChanges changes) {
        LOG.info("job {}: configuration changes {} need a redeployment; not applied on a standalone cluster", job.getJobID(), changes);
    }
}
