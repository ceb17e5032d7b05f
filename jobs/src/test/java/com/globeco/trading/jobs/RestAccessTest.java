package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flink REST API, which can cancel jobs, is reachable only from the operator and an authenticated ingress: the REST
 * Service is a ClusterIP one, an Ingress the operator makes for a FlinkDeployment ({@code spec.ingress}) asks the
 * ingress controller to authenticate, and every NetworkPolicy rule that opens the JobManager's REST port lets in only
 * the operator's namespace, the ingress controller's, or the job's own pods.
 */
@Tag(KubernetesManifests.TAG)
class RestAccessTest {
    static final int REST_PORT = 8081;
    static final String EXPOSED_TYPE = "kubernetes.rest-service.exposed.type";
    static final Set<String> TRUSTED_NAMESPACES = Set.of("flink-operator", "ingress-nginx");
    static final Set<String> AUTHENTICATION_ANNOTATIONS = Set.of("nginx.ingress.kubernetes.io/auth-url", "nginx.ingress.kubernetes.io/auth-type");
    private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderings")
    void theRestApiIsReachableOnlyFromTheOperatorAndAnAuthenticatedIngress(Manifests manifests) {
        assertThat(errors(manifests)).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        Manifests manifests = KubernetesManifests.deployed();
        Function<ObjectNode, List<String>> check = BrokenCopy.amid(manifests, RestAccessTest::errors);
        ObjectNode hotpath = manifests.find("FlinkDeployment", "trade-hotpath").orElseThrow();
        ObjectNode rest = manifests.find("NetworkPolicy", "flink-rest").orElseThrow();
        ObjectNode hotpathPolicy = manifests.find("NetworkPolicy", "trade-hotpath").orElseThrow();

        BrokenCopy.assertRejected(hotpath, check, d -> BrokenCopy.flinkConfiguration(d).put(EXPOSED_TYPE, "LoadBalancer"));
        BrokenCopy.assertRejected(hotpath, check, d -> BrokenCopy.flinkConfiguration(d).remove(EXPOSED_TYPE));
        BrokenCopy.assertRejected(hotpath, check, d -> d.withObject("/spec/ingress").put("template", "flink.example.com/{{namespace}}/{{name}}"));
        BrokenCopy.assertRejected(rest, check, d -> ((ObjectNode) d.path("spec").path("ingress").get(0)).remove("from"));
        BrokenCopy.assertRejected(rest, check, d -> d.withArray("/spec/ingress").addObject().withArray("from").addObject().putObject("namespaceSelector"));
        BrokenCopy.assertRejected(rest, check, d -> d.withArray("/spec/ingress").addObject().withArray("from").addObject()
                .putObject("ipBlock").put("cidr", "0.0.0.0/0"));
        BrokenCopy.assertRejected(hotpathPolicy, check, d -> d.withArray("/spec/ingress").addObject().withArray("from").addObject()
                .putObject("podSelector"));
        ObjectNode authenticated = BrokenCopy.of(hotpath, d -> d.withObject("/spec/ingress").put("template", "flink.example.com/{{name}}")
                .putObject("annotations").put("nginx.ingress.kubernetes.io/auth-url", "https://oauth2-proxy.example.com/oauth2/auth"));
        assertThat(errors(manifests.with(authenticated))).as("an Ingress that authenticates").isEmpty();
    }

    static List<String> errors(Manifests manifests) {
        List<String> errors = new ArrayList<>();
        for (ObjectNode deployment : manifests.ofKind("FlinkDeployment")) {
            String where = Manifests.label(deployment);
            JsonNode spec = deployment.path("spec");
            String exposed = spec.path("flinkConfiguration").path(EXPOSED_TYPE).asText("");
            if (!exposed.equals("ClusterIP")) {
                errors.add(where + ": " + EXPOSED_TYPE + " is '" + exposed + "', not ClusterIP: the REST API would be reachable from outside the cluster");
            }
            if (spec.has("ingress") && AUTHENTICATION_ANNOTATIONS.stream().noneMatch(spec.path("ingress").path("annotations")::has)) {
                errors.add(where + ": spec.ingress has none of the annotations that make the ingress controller authenticate, "
                        + AUTHENTICATION_ANNOTATIONS);
            }
        }
        List<LabelledPod> pods = LabelledPod.of(manifests);
        for (LabelledPod jobManager : pods.stream().filter(LabelledPod::isJobManager).toList()) {
            for (NetworkPolicy policy : NetworkPolicy.of(manifests).stream().filter(policy -> policy.selects(jobManager)).toList()) {
                policy.ingress().stream().filter(rule -> rule.opens(REST_PORT)).forEach(rule -> errors.addAll(untrusted(rule, jobManager, pods)));
            }
        }
        return errors;
    }

    private static List<String> untrusted(NetworkPolicy.Rule rule, LabelledPod jobManager, List<LabelledPod> pods) {
        String where = jobManager.where() + ": " + rule.where() + " opens the REST port " + REST_PORT;
        if (rule.everyPeer()) {
            return List.of(where + " to every peer");
        }
        List<String> errors = new ArrayList<>();
        rule.peers().forEach(peer -> {
            if (!trusted(peer, jobManager, pods)) {
                errors.add(where + " to " + peer);
            }
        });
        return errors;
    }

    /** The operator's or the ingress controller's namespace, or pods of this namespace that all belong to the job. */
    private static boolean trusted(JsonNode peer, LabelledPod jobManager, List<LabelledPod> pods) {
        if (peer.has("namespaceSelector")) {
            return TRUSTED_NAMESPACES.contains(peer.path("namespaceSelector").path("matchLabels").path(NAMESPACE_NAME).asText());
        }
        LabelSelector selector = new LabelSelector(peer.path("podSelector"));
        return peer.has("podSelector") && !selector.isEmpty()
                && pods.stream().filter(pod -> selector.matches(pod.labels())).allMatch(pod -> pod.workload().equals(jobManager.workload()));
    }
}
