package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every FlinkDeployment as kustomize renders it passes the checks the Flink Kubernetes Operator makes before it deploys
 * one. The operator's artifact for Flink 2.2 (flink-kubernetes-operator 1.13 and later) is not served to this build:
 * Maven Central as this machine sees it has flink-kubernetes-operator up to 1.7.0 only, whose classes call Flink 1.x
 * methods that Flink 2 removed, and flink-kubernetes-operator-api up to 1.10.0, which knows no Flink 2 version. So its
 * {@code DefaultValidator} of release-1.15.0, the release this folder deploys, is reproduced in {@link OperatorRule},
 * and its {@code FlinkConfigBuilder} in {@link OperatorConfiguration}, on Flink 2.2.1's own classes.
 */
@Tag(KubernetesManifests.TAG)
class OperatorValidationTest {

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderedFlinkDeployments")
    void theOperatorAcceptsEveryFlinkDeployment(ObjectNode deployment) {
        for (OperatorRule rule : OperatorRule.values()) {
            assertThat(rule.check(deployment)).as(rule.name()).isEmpty();
        }
    }

    @Test
    void everyRuleRejectsItsBrokenCopy() {
        ObjectNode valid = KubernetesManifests.renderedFlinkDeployment("allocation");
        Map<OperatorRule, Consumer<ObjectNode>> broken = new EnumMap<>(OperatorRule.class);
        broken.put(OperatorRule.DEPLOYMENT_NAME, d -> d.withObject("/metadata").put("name", "Allocation_Job"));
        broken.put(OperatorRule.FLINK_VERSION, d -> d.withObject("/spec").put("flinkVersion", "v1_14"));
        broken.put(OperatorRule.FORBIDDEN_CONFIG_KEYS, d -> BrokenCopy.flinkConfiguration(d).put("kubernetes.cluster-id", "allocation"));
        broken.put(OperatorRule.ROLLBACK_NEEDS_HA, d -> BrokenCopy.flinkConfiguration(d)
                .put("kubernetes.operator.deployment.rollback.enabled", "true").remove("high-availability.type"));
        broken.put(OperatorRule.HEALTH_CHECK_NEEDS_DEPLOYMENT_RECOVERY, d -> BrokenCopy.flinkConfiguration(d)
                .put("kubernetes.operator.jm-deployment-recovery.enabled", "false"));
        broken.put(OperatorRule.LOG_CONFIG_KEYS, d -> d.withObject("/spec/logConfiguration").put("log4j.properties", "rootLogger.level = INFO"));
        broken.put(OperatorRule.CHECKPOINT_DIR_UNLESS_STATELESS, d -> BrokenCopy.flinkConfiguration(d).remove("execution.checkpointing.dir"));
        broken.put(OperatorRule.SAVEPOINT_DIR_WHEN_SAVEPOINTS_ARE_TAKEN, d -> BrokenCopy.flinkConfiguration(d).remove("execution.checkpointing.savepoint-dir"));
        broken.put(OperatorRule.REPLICAS_OR_PARALLELISM, d -> d.withObject("/spec/job").put("parallelism", 0));
        broken.put(OperatorRule.JOB_MANAGER_MEMORY, d -> d.withObject("/spec/jobManager/resource").put("memory", "1600 megs"));
        broken.put(OperatorRule.JOB_MANAGER_REPLICAS, d -> {
            d.withObject("/spec/jobManager").put("replicas", 2);
            BrokenCopy.flinkConfiguration(d).remove("high-availability.type");
        });
        broken.put(OperatorRule.TASK_MANAGER_MEMORY, d -> d.withObject("/spec/taskManager/resource").put("memory", "2 gigs"));
        broken.put(OperatorRule.TASK_MANAGER_REPLICAS, d -> d.withObject("/spec/taskManager").put("replicas", 0));
        broken.put(OperatorRule.SERVICE_ACCOUNT, d -> d.withObject("/spec").remove("serviceAccount"));
        broken.put(OperatorRule.AUTOSCALER_OPTIONS, d -> BrokenCopy.flinkConfiguration(d)
                .put("job.autoscaler.enabled", "true").put("job.autoscaler.utilization.target", "1.5"));

        assertThat(broken).as("a broken copy for every rule").containsOnlyKeys(OperatorRule.values());
        broken.forEach((rule, breakIt) -> assertThat(rule.check(BrokenCopy.of(valid, breakIt))).as(rule.name()).isPresent());
    }

    @Test
    void aMemoryLeftToTheFlinkConfigurationMustLetFlinkDeriveTheProcess() {
        ObjectNode noMemory = BrokenCopy.of(KubernetesManifests.renderedFlinkDeployment("allocation"), d -> {
            d.withObject("/spec/jobManager/resource").remove("memory");
            d.withObject("/spec/taskManager/resource").remove("memory");
        });
        assertThat(OperatorRule.JOB_MANAGER_MEMORY.check(noMemory)).isPresent();
        assertThat(OperatorRule.TASK_MANAGER_MEMORY.check(noMemory)).isPresent();

        ObjectNode inTheConfiguration = BrokenCopy.of(noMemory, d -> BrokenCopy.flinkConfiguration(d)
                .put("jobmanager.memory.process.size", "1600m").put("taskmanager.memory.process.size", "1728m"));
        assertThat(OperatorRule.JOB_MANAGER_MEMORY.check(inTheConfiguration)).isEmpty();
        assertThat(OperatorRule.TASK_MANAGER_MEMORY.check(inTheConfiguration)).isEmpty();
    }

    @Test
    void aKubernetesQuantityIsReadAsTheOperatorReadsIt() {
        assertThat(KubernetesMemory.toFlink("1600m")).as("Flink's megabytes, not Kubernetes' thousandths").isEqualTo("1600 mb");
        assertThat(KubernetesMemory.toFlink("2Gi")).isEqualTo(String.valueOf(2L << 30));
        assertThat(KubernetesMemory.toFlink("2G")).as("Flink's gibibytes, not Kubernetes' 10^9 bytes").isEqualTo("2 gb");
        assertThat(KubernetesMemory.toFlink("512 MiB")).isEqualTo(String.valueOf(512L << 20));
    }
}
