package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.HighAvailabilityMode;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checks the Flink Kubernetes Operator makes of a new FlinkDeployment before it deploys it: its
 * {@code DefaultValidator.validateDeployment}, with the {@code AutoscalerValidator} it calls, as in release-1.15.0 and
 * in its order, on Flink 2.2.1's option classes (so the checkpoint and savepoint directories are
 * {@code execution.checkpointing.dir} and {@code execution.checkpointing.savepoint-dir}). Each rule sees the
 * FlinkDeployment and {@link OperatorConfiguration#validated}. Not reproduced: the checks of a change against the last
 * deployed spec (a manifest has no status), the ingress URL template and the ephemeral-storage quantity (none is set
 * here). Last-state needing HA is no rule since release-1.10.0 (FLINK-35414).
 */
enum OperatorRule {
    DEPLOYMENT_NAME(OperatorRule::deploymentName),
    FLINK_VERSION(OperatorRule::flinkVersion),
    FORBIDDEN_CONFIG_KEYS(OperatorRule::forbiddenConfigKeys),
    ROLLBACK_NEEDS_HA(OperatorRule::rollbackNeedsHa),
    HEALTH_CHECK_NEEDS_DEPLOYMENT_RECOVERY(OperatorRule::healthCheckNeedsDeploymentRecovery),
    LOG_CONFIG_KEYS(OperatorRule::logConfigKeys),
    CHECKPOINT_DIR_UNLESS_STATELESS(OperatorRule::checkpointDirUnlessStateless),
    SAVEPOINT_DIR_WHEN_SAVEPOINTS_ARE_TAKEN(OperatorRule::savepointDirWhenSavepointsAreTaken),
    REPLICAS_OR_PARALLELISM(OperatorRule::replicasOrParallelism),
    JOB_MANAGER_MEMORY((deployment, configuration) -> memory("JobManager", deployment.path("spec").path("jobManager"), configuration,
            JobManagerProcessUtils::processSpecFromConfig)),
    JOB_MANAGER_REPLICAS(OperatorRule::jobManagerReplicas),
    TASK_MANAGER_MEMORY((deployment, configuration) -> memory("TaskManager", deployment.path("spec").path("taskManager"), configuration,
            TaskExecutorProcessUtils::processSpecFromConfig)),
    TASK_MANAGER_REPLICAS(OperatorRule::taskManagerReplicas),
    SERVICE_ACCOUNT((deployment, configuration) -> deployment.path("spec").hasNonNull("serviceAccount") ? Optional.empty()
            : Optional.of("spec.serviceAccount must be defined")),
    AUTOSCALER_OPTIONS((deployment, configuration) -> AutoscalerOptions.error(configuration));

    private static final String OPERATOR = "kubernetes.operator.";
    private static final Set<String> LOG_CONFIG_FILES = Set.of("log4j-console.properties", "logback-console.xml");

    private final BiFunction<JsonNode, Configuration, Optional<String>> rule;

    OperatorRule(BiFunction<JsonNode, Configuration, Optional<String>> rule) {
        this.rule = rule;
    }

    /** Why the operator would refuse the FlinkDeployment by this rule; empty when it would not. */
    Optional<String> check(JsonNode deployment) {
        return rule.apply(deployment, OperatorConfiguration.validated(deployment));
    }

    private static Optional<String> deploymentName(JsonNode deployment, Configuration configuration) {
        return when(!Pattern.matches("[a-z]([-a-z\\d]{0,43}[a-z\\d])?", Manifests.nameOf(deployment)), "the name " + Manifests.nameOf(deployment)
                + " is no lower case alphanumerics or '-', starting with a letter and ending with an alphanumeric, of at most 45 characters");
    }

    /** Defined, and one the operator supports: 1.15 or later (FlinkVersion.isSupported). */
    private static Optional<String> flinkVersion(JsonNode deployment, Configuration configuration) {
        String version = deployment.path("spec").path("flinkVersion").asText("");
        return when(!Pattern.matches("v1_(1[5-9]|20)|v2_[0-4]", version), "Flink version '" + version + "' is not supported by this operator version");
    }

    private static Optional<String> forbiddenConfigKeys(JsonNode deployment, Configuration configuration) {
        return Stream.of(OperatorConfiguration.NAMESPACE.key(), OperatorConfiguration.CLUSTER_ID.key(), HighAvailabilityOptions.HA_CLUSTER_ID.key())
                .filter(configuration::containsKey).findFirst().map(key -> "Forbidden Flink config key: " + key);
    }

    private static Optional<String> rollbackNeedsHa(JsonNode deployment, Configuration configuration) {
        return when(configuration.get(operatorFlag("deployment.rollback.enabled", false))
                && !HighAvailabilityMode.isHighAvailabilityModeActivated(configuration), "HA must be enabled for rollback support");
    }

    private static Optional<String> healthCheckNeedsDeploymentRecovery(JsonNode deployment, Configuration configuration) {
        return when(configuration.get(operatorFlag("cluster.health-check.enabled", false))
                        && !configuration.get(operatorFlag("jm-deployment-recovery.enabled", true)),
                "Deployment recovery (" + OPERATOR + "jm-deployment-recovery.enabled) must be enabled for job health check support");
    }

    private static Optional<String> logConfigKeys(JsonNode deployment, Configuration configuration) {
        List<String> keys = new ArrayList<>();
        deployment.path("spec").path("logConfiguration").fieldNames().forEachRemaining(keys::add);
        return keys.stream().filter(key -> !LOG_CONFIG_FILES.contains(key)).findFirst()
                .map(key -> "Invalid log config key: " + key + ". Allowed keys are " + LOG_CONFIG_FILES);
    }

    private static Optional<String> checkpointDirUnlessStateless(JsonNode deployment, Configuration configuration) {
        return when(!"stateless".equals(upgradeMode(deployment)) && blank(configuration, CheckpointingOptions.CHECKPOINTS_DIRECTORY),
                "Checkpoint directory[" + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key() + "] must be defined for last-state and savepoint upgrade modes");
    }

    /** A savepoint directory when the job may take savepoints: the savepoint upgrade mode, by hand, periodically, for last-state. */
    private static Optional<String> savepointDirWhenSavepointsAreTaken(JsonNode deployment, Configuration configuration) {
        if (!blank(configuration, CheckpointingOptions.SAVEPOINT_DIRECTORY)) {
            return Optional.empty();
        }
        String needs = " needs " + CheckpointingOptions.SAVEPOINT_DIRECTORY.key();
        return when("savepoint".equals(upgradeMode(deployment)), "the savepoint upgrade mode" + needs)
                .or(() -> when(deployment.path("spec").path("job").hasNonNull("savepointTriggerNonce"), "a manual savepoint" + needs))
                .or(() -> when(configuration.containsKey(OPERATOR + "periodic.savepoint.interval"), "periodic savepoints" + needs))
                .or(() -> when(configuration.getOptional(ConfigOptions.key(OPERATOR + "job.upgrade.last-state.max.allowed.checkpoint.age")
                        .durationType().noDefaultValue()).isPresent(), "the max checkpoint age of last-state upgrades" + needs));
    }

    private static Optional<String> replicasOrParallelism(JsonNode deployment, Configuration configuration) {
        JsonNode spec = deployment.path("spec");
        if (!spec.has("job")) {
            return Optional.empty();
        }
        return spec.path("taskManager").path("replicas").isNumber()
                ? when(spec.path("taskManager").path("replicas").asInt() < 1, "TaskManager replicas must be larger than 0")
                : when(spec.path("job").path("parallelism").asInt(0) < 1, "Job parallelism must be larger than 0");
    }

    /**
     * {@code spec.<role>.resource.memory} is a memory Flink reads; when it is not given, the flinkConfiguration lets
     * Flink derive the process's memory.
     */
    private static Optional<String> memory(String component, JsonNode role, Configuration configuration, Consumer<Configuration> derivation) {
        String memory = role.path("resource").path("memory").asText("");
        try {
            if (memory.isBlank()) {
                derivation.accept(configuration);
            } else {
                MemorySize.parse(KubernetesMemory.toFlink(memory));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(component + " resource memory: " + e.getMessage());
        }
    }

    private static Optional<String> jobManagerReplicas(JsonNode deployment, Configuration configuration) {
        int replicas = deployment.path("spec").path("jobManager").path("replicas").asInt(1);
        return when(replicas < 1, "JobManager replicas should not be configured less than one")
                .or(() -> when(replicas > 1 && !HighAvailabilityMode.isHighAvailabilityModeActivated(configuration),
                        "High availability should be enabled when starting standby JobManagers"));
    }

    private static Optional<String> taskManagerReplicas(JsonNode deployment, Configuration configuration) {
        JsonNode replicas = deployment.path("spec").path("taskManager").path("replicas");
        return when(replicas.isNumber() && replicas.asInt() < 1, "TaskManager replicas should not be configured less than one");
    }

    private static ConfigOption<Boolean> operatorFlag(String key, boolean fallback) {
        return ConfigOptions.key(OPERATOR + key).booleanType().defaultValue(fallback);
    }

    private static String upgradeMode(JsonNode deployment) {
        return deployment.path("spec").path("job").path("upgradeMode").asText("stateless");
    }

    private static boolean blank(Configuration configuration, ConfigOption<String> option) {
        return configuration.getOptional(option).orElse("").isBlank();
    }

    private static Optional<String> when(boolean refused, String why) {
        return refused ? Optional.of(why) : Optional.empty();
    }
}
