package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pod the manifests run is denied all traffic by default and allowed what it needs by a NetworkPolicy of its own
 * (one that selects no other workload's pods), and no rule lets every peer in or out on every port
 * (network-policies.yaml).
 */
@Tag(KubernetesManifests.TAG)
class NetworkPolicyTest {

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderings")
    void everyPodIsDeniedByDefaultAndAllowedByItsOwnPolicy(Manifests manifests) {
        assertThat(LabelledPod.of(manifests)).as("the pods").hasSizeGreaterThan(10);
        assertThat(errors(manifests)).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        Manifests manifests = KubernetesManifests.deployed();
        ObjectNode hotpath = manifests.find("FlinkDeployment", "trade-hotpath").orElseThrow();
        ObjectNode defaultDeny = manifests.find("NetworkPolicy", "trade-lifecycle-default-deny").orElseThrow();
        ObjectNode hotpathPolicy = manifests.find("NetworkPolicy", "trade-hotpath").orElseThrow();
        Function<ObjectNode, List<String>> check = BrokenCopy.amid(manifests, NetworkPolicyTest::errors);

        assertThat(errors(manifests.without("NetworkPolicy", "trade-hotpath"))).as("the hotpath's policy removed").isNotEmpty();
        assertThat(errors(manifests.plus(BrokenCopy.of(hotpath, d -> d.withObject("/metadata").put("name", "trade-hotpath-2")))))
                .as("a new job without a policy").anyMatch(error -> error.contains("trade-hotpath-2"));
        BrokenCopy.assertRejected(defaultDeny, check, d -> d.withObject("/spec/podSelector/matchLabels")
                .put("app.kubernetes.io/name", "allocation"));
        BrokenCopy.assertRejected(defaultDeny, check, d -> d.withArray("/spec/egress").addObject());
        BrokenCopy.assertRejected(hotpathPolicy, check, d -> d.withArray("/spec/egress").addObject());
        BrokenCopy.assertRejected(hotpathPolicy, check, d -> d.withObject("/spec/podSelector/matchLabels")
                .remove("app"));
    }

    static List<String> errors(Manifests manifests) {
        List<NetworkPolicy> policies = NetworkPolicy.of(manifests);
        List<LabelledPod> pods = LabelledPod.of(manifests);
        List<String> errors = new ArrayList<>();
        for (LabelledPod pod : pods) {
            List<NetworkPolicy> selecting = policies.stream().filter(policy -> policy.selects(pod)).toList();
            if (selecting.stream().noneMatch(NetworkPolicy::deniesAll)) {
                errors.add(pod.where() + ": no default-deny NetworkPolicy (ingress and egress, no rule) selects it");
            }
            if (selecting.stream().noneMatch(policy -> ownedBy(policy, pod.workload(), pods))) {
                errors.add(pod.where() + ": no NetworkPolicy of its own (selecting no other workload's pods) allows what it needs");
            }
            selecting.stream().flatMap(policy -> Stream.concat(policy.ingress().stream(), policy.egress().stream()))
                    .filter(NetworkPolicy.Rule::allowsEverything)
                    .forEach(rule -> errors.add(pod.where() + ": " + rule.where() + " allows every peer on every port"));
        }
        return errors;
    }

    private static boolean ownedBy(NetworkPolicy policy, String workload, List<LabelledPod> pods) {
        return !policy.deniesAll() && pods.stream().filter(policy::selects).allMatch(pod -> pod.workload().equals(workload));
    }
}
