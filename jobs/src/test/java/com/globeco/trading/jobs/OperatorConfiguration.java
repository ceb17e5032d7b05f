package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.client.deployment.application.ApplicationConfiguration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.jobmanager.HighAvailabilityMode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Flink configuration the operator derives from a FlinkDeployment, with Flink 2.2.1's own option classes:
 * <ul>
 *   <li>{@link #validated}: what its {@code DefaultValidator} checks, the operator's default configuration (its Helm
 *   chart's {@code conf/flink-conf.yaml}) with {@code spec.flinkConfiguration} over it;</li>
 *   <li>{@link #deployed}: what the cluster starts with, which its {@code FlinkConfigBuilder.buildFrom} adds to that
 *   from the spec: memory, CPU, replicas, parallelism, image, service account, the job, the cluster id.</li>
 * </ul>
 * Both as in the Flink Kubernetes Operator's release-1.15.0. Left out: the generated log-configuration directory and
 * pod-template files ({@link FlinkPod} merges the templates), and what only standalone mode sets. The options of Flink's
 * kubernetes module, which is not on this classpath, are declared here by their keys.
 */
final class OperatorConfiguration {
    static final ConfigOption<String> NAMESPACE = ConfigOptions.key("kubernetes.namespace").stringType().noDefaultValue();
    static final ConfigOption<String> CLUSTER_ID = ConfigOptions.key("kubernetes.cluster-id").stringType().noDefaultValue();
    static final ConfigOption<Double> JOB_MANAGER_CPU = ConfigOptions.key("kubernetes.jobmanager.cpu.amount").doubleType().noDefaultValue();
    static final ConfigOption<Double> TASK_MANAGER_CPU = ConfigOptions.key("kubernetes.taskmanager.cpu.amount").doubleType().noDefaultValue();
    static final ConfigOption<Integer> JOB_MANAGER_REPLICAS = ConfigOptions.key("kubernetes.jobmanager.replicas").intType().noDefaultValue();
    private static final ConfigOption<String> IMAGE = ConfigOptions.key("kubernetes.container.image.ref").stringType().noDefaultValue();
    private static final ConfigOption<String> IMAGE_PULL_POLICY = ConfigOptions.key("kubernetes.container.image.pull-policy").stringType().noDefaultValue();
    private static final ConfigOption<String> SERVICE_ACCOUNT = ConfigOptions.key("kubernetes.service-account").stringType().noDefaultValue();
    private static final ConfigOption<String> REST_SERVICE_TYPE = ConfigOptions.key("kubernetes.rest-service.exposed.type").stringType().noDefaultValue();
    private static final ConfigOption<String> FLINK_VERSION = ConfigOptions.key("$internal.flink.version").stringType().noDefaultValue();
    /** The operator's Helm chart, conf/flink-conf.yaml (for Flink 1.19 and later it adds JVM flags only). */
    private static final Map<String, String> OPERATOR_DEFAULTS = Map.of("taskmanager.numberOfTaskSlots", "1", "parallelism.default", "1");

    private OperatorConfiguration() {
    }

    /** The operator's defaults with {@code spec.flinkConfiguration} (flat or nested YAML) over them. */
    static Configuration validated(JsonNode deployment) {
        Map<String, String> effective = new LinkedHashMap<>(OPERATOR_DEFAULTS);
        effective.putAll(flat(deployment.path("spec").path("flinkConfiguration"), ""));
        return Configuration.fromMap(effective);
    }

    /** {@link #validated} with what {@code FlinkConfigBuilder.buildFrom} sets from the spec of a native application. */
    static Configuration deployed(JsonNode deployment) {
        JsonNode spec = deployment.path("spec");
        Configuration configuration = validated(deployment);
        setDefault(configuration, REST_SERVICE_TYPE, "ClusterIP");
        setDefault(configuration, WebOptions.CANCEL_ENABLE, false);
        configuration.set(FLINK_VERSION, spec.path("flinkVersion").asText());
        setIfGiven(configuration, IMAGE, spec.path("image"));
        setIfGiven(configuration, IMAGE_PULL_POLICY, spec.path("imagePullPolicy"));
        setIfGiven(configuration, SERVICE_ACCOUNT, spec.path("serviceAccount"));
        applyResource(configuration, spec.path("jobManager").path("resource"), JobManagerOptions.TOTAL_PROCESS_MEMORY, JOB_MANAGER_CPU);
        applyResource(configuration, spec.path("taskManager").path("resource"), TaskManagerOptions.TOTAL_PROCESS_MEMORY, TASK_MANAGER_CPU);
        if (spec.path("jobManager").path("replicas").asInt(0) > 0) {
            configuration.set(JOB_MANAGER_REPLICAS, spec.path("jobManager").path("replicas").asInt());
        }
        if (spec.has("job")) {
            applyJob(configuration, Manifests.nameOf(deployment), spec);
        }
        configuration.set(NAMESPACE, deployment.path("metadata").path("namespace").asText());
        configuration.set(CLUSTER_ID, Manifests.nameOf(deployment));
        if (HighAvailabilityMode.isHighAvailabilityModeActivated(configuration)) {
            configuration.set(HighAvailabilityOptions.HA_CLUSTER_ID, Manifests.nameOf(deployment));
        }
        return configuration;
    }

    private static void applyResource(Configuration configuration, JsonNode resource, ConfigOption<?> memory, ConfigOption<Double> cpu) {
        if (resource.hasNonNull("memory")) {
            configuration.setString(memory.key(), KubernetesMemory.toFlink(resource.path("memory").asText()));
        }
        if (resource.hasNonNull("cpu")) {
            configuration.set(cpu, resource.path("cpu").asDouble());
        }
    }

    private static void applyJob(Configuration configuration, String clusterId, JsonNode spec) {
        JsonNode job = spec.path("job");
        configuration.set(DeploymentOptions.TARGET, "kubernetes-application");
        if (job.hasNonNull("jarURI")) {
            configuration.set(PipelineOptions.JARS, List.of(job.path("jarURI").asText()));
        }
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism(configuration, spec));
        configuration.set(DeploymentOptions.SHUTDOWN_ON_APPLICATION_FINISH, false);
        setDefault(configuration, DeploymentOptions.SUBMIT_FAILED_JOB_ON_APPLICATION_ERROR, true);
        setDefault(configuration, PipelineOptions.NAME, clusterId);
        if ("last-state".equals(job.path("upgradeMode").asText())) {
            setDefault(configuration, CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMinutes(5));
        }
        setDefault(configuration, CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (job.hasNonNull("allowNonRestoredState")) {
            configuration.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, job.path("allowNonRestoredState").asBoolean());
        }
        if (job.hasNonNull("entryClass")) {
            configuration.set(ApplicationConfiguration.APPLICATION_MAIN_CLASS, job.path("entryClass").asText());
        }
        if (job.has("args")) {
            List<String> args = new ArrayList<>();
            job.path("args").forEach(arg -> args.add(arg.asText()));
            configuration.set(ApplicationConfiguration.APPLICATION_ARGS, args);
        }
    }

    /** TaskManager replicas times slots when replicas are given, else {@code spec.job.parallelism}. */
    private static int parallelism(Configuration configuration, JsonNode spec) {
        JsonNode replicas = spec.path("taskManager").path("replicas");
        return replicas.isNumber() ? replicas.asInt() * configuration.get(TaskManagerOptions.NUM_TASK_SLOTS) : spec.path("job").path("parallelism").asInt();
    }

    private static void setIfGiven(Configuration configuration, ConfigOption<String> option, JsonNode value) {
        if (!value.asText("").isBlank()) {
            configuration.set(option, value.asText());
        }
    }

    private static <T> void setDefault(Configuration configuration, ConfigOption<T> option, T value) {
        if (!configuration.contains(option)) {
            configuration.set(option, value);
        }
    }

    /** A flinkConfiguration as the operator's {@code asFlatMap} reads it: nested keys joined by dots. */
    private static Map<String, String> flat(JsonNode configuration, String prefix) {
        Map<String, String> flat = new LinkedHashMap<>();
        configuration.properties().forEach(entry -> {
            if (entry.getValue().isObject()) {
                flat.putAll(flat(entry.getValue(), prefix + entry.getKey() + "."));
            } else {
                flat.put(prefix + entry.getKey(), entry.getValue().asText());
            }
        });
        return flat;
    }
}
