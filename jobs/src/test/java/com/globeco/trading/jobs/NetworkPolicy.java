package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** A NetworkPolicy of the manifests: the pods it selects, whether it denies all, and its rules. */
record NetworkPolicy(JsonNode document) {

    static List<NetworkPolicy> of(Manifests manifests) {
        return manifests.ofKind("NetworkPolicy").stream().map(NetworkPolicy::new).toList();
    }

    String name() {
        return Manifests.nameOf(document);
    }

    boolean selects(LabelledPod pod) {
        return new LabelSelector(document.path("spec").path("podSelector")).matches(pod.labels());
    }

    /** Both directions governed and nothing allowed. */
    boolean deniesAll() {
        JsonNode spec = document.path("spec");
        List<String> types = new ArrayList<>();
        spec.path("policyTypes").forEach(type -> types.add(type.asText()));
        return types.containsAll(List.of("Ingress", "Egress")) && spec.path("ingress").isEmpty() && spec.path("egress").isEmpty();
    }

    List<Rule> ingress() {
        return rules("ingress", "from");
    }

    List<Rule> egress() {
        return rules("egress", "to");
    }

    private List<Rule> rules(String direction, String peers) {
        return StreamSupport.stream(document.path("spec").path(direction).spliterator(), false)
                .map(rule -> new Rule(name() + " " + direction, rule.path(peers), rule.path("ports"))).toList();
    }

    /** One ingress or egress rule: no peers means every peer, no ports every port (a missing node is empty). */
    record Rule(String where, JsonNode peers, JsonNode ports) {

        boolean everyPeer() {
            return peers.isMissingNode() || peers.isEmpty();
        }

        boolean allowsEverything() {
            return everyPeer() && ports.isEmpty();
        }

        boolean opens(int port) {
            return ports.isEmpty() || StreamSupport.stream(ports.spliterator(), false).anyMatch(entry -> entry.path("port").asInt(-1) == port);
        }
    }
}
