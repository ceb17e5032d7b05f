package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ServiceAccount of the Flink pods may do only what Flink's native Kubernetes mode does (rbac.yaml): its TaskManager
 * pods, its HA ConfigMaps, and the JobManager Deployments of the jobs here by name. Any other resource or verb, a
 * wildcard, a Deployment rule without names, or a binding to a role the manifests do not hold is refused.
 */
@Tag(KubernetesManifests.TAG)
class FlinkRoleTest {
    /** "apiGroup/resource" to the verbs allowed on it. */
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "/pods", Set.of("get", "list", "watch", "create", "delete"),
            "/configmaps", Set.of("get", "list", "watch", "create", "update", "patch", "delete"),
            "apps/deployments", Set.of("get", "delete"),
            "apps/deployments/finalizers", Set.of("update"));
    /** Resources that must be named: the JobManager Deployments of the FlinkDeployments. */
    static final Set<String> NAMED = Set.of("apps/deployments", "apps/deployments/finalizers");

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderings")
    void theFlinkServiceAccountHasOnlyTheRulesFlinkNeeds(Manifests manifests) {
        assertThat(errors(manifests)).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        Manifests manifests = KubernetesManifests.deployed();
        Function<ObjectNode, List<String>> check = BrokenCopy.amid(manifests, FlinkRoleTest::errors);
        ObjectNode role = manifests.find("Role", "flink").orElseThrow();

        BrokenCopy.assertRejected(role, check, r -> addRule(r, "secrets", "get"));
        BrokenCopy.assertRejected(role, check, r -> addRule(r, "services", "list"));
        BrokenCopy.assertRejected(role, check, r -> ((ObjectNode) r.path("rules").get(0)).withArray("verbs").add("*"));
        BrokenCopy.assertRejected(role, check, r -> ((ObjectNode) r.path("rules").get(0)).withArray("verbs").add("patch"));
        BrokenCopy.assertRejected(role, check, r -> ((ObjectNode) r.path("rules").get(2)).remove("resourceNames"));
        BrokenCopy.assertRejected(role, check, r -> ((ObjectNode) r.path("rules").get(2)).withArray("resourceNames").remove(0));
        BrokenCopy.assertRejected(role, check, r -> ((ObjectNode) r.path("rules").get(2)).withArray("verbs").add("create"));
        ObjectNode binding = manifests.find("RoleBinding", "flink-role-binding").orElseThrow();
        assertThat(errors(manifests.plus(BrokenCopy.of(binding, b -> {
            b.withObject("/metadata").put("name", "flink-edit");
            b.withObject("/roleRef").put("kind", "ClusterRole").put("name", "edit");
        })))).as("bound to the ClusterRole edit besides").isNotEmpty();
    }

    static List<String> errors(Manifests manifests) {
        Set<String> accounts = manifests.ofKind("FlinkDeployment").stream().map(d -> d.path("spec").path("serviceAccount").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> deployments = manifests.ofKind("FlinkDeployment").stream().map(Manifests::nameOf).collect(Collectors.toCollection(TreeSet::new));
        List<String> errors = new ArrayList<>();
        for (ObjectNode binding : bindingsOf(manifests, accounts)) {
            JsonNode roleRef = binding.path("roleRef");
            String where = Manifests.label(binding) + " -> " + roleRef.path("kind").asText() + "/" + roleRef.path("name").asText();
            manifests.find(roleRef.path("kind").asText(), roleRef.path("name").asText()).ifPresentOrElse(
                    role -> role.path("rules").forEach(rule -> errors.addAll(ruleErrors(where, rule, deployments))),
                    () -> errors.add(where + ": a role these manifests do not hold grants the Flink pods what no test sees"));
        }
        return errors;
    }

    private static List<ObjectNode> bindingsOf(Manifests manifests, Set<String> accounts) {
        List<ObjectNode> bindings = new ArrayList<>(manifests.ofKind("RoleBinding"));
        bindings.addAll(manifests.ofKind("ClusterRoleBinding"));
        return bindings.stream().filter(binding -> {
            boolean[] bound = {false};
            binding.path("subjects").forEach(subject -> bound[0] |= subject.path("kind").asText().equals("ServiceAccount")
                    && accounts.contains(subject.path("name").asText()));
            return bound[0];
        }).toList();
    }

    private static List<String> ruleErrors(String where, JsonNode rule, Set<String> deployments) {
        List<String> errors = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        rule.path("resourceNames").forEach(name -> names.add(name.asText()));
        for (JsonNode group : rule.path("apiGroups")) {
            for (JsonNode resource : rule.path("resources")) {
                String key = group.asText() + "/" + resource.asText();
                Set<String> allowed = ALLOWED.getOrDefault(key, Set.of());
                rule.path("verbs").forEach(verb -> {
                    if (!allowed.contains(verb.asText())) {
                        errors.add(where + ": " + verb.asText() + " on " + key + " is more than Flink's native mode needs");
                    }
                });
                if (NAMED.contains(key) && !names.equals(deployments)) {
                    errors.add(where + ": " + key + " must name exactly the FlinkDeployments " + deployments + ", not " + names);
                }
            }
        }
        if (rule.has("nonResourceURLs")) {
            errors.add(where + ": non-resource URLs " + rule.path("nonResourceURLs"));
        }
        return errors;
    }

    /** A rule on a core resource, as the rules rbac.yaml removed were. */
    private static void addRule(ObjectNode role, String resource, String verb) {
        ObjectNode rule = role.withArray("rules").addObject();
        rule.withArray("apiGroups").add("");
        rule.withArray("resources").add(resource);
        rule.withArray("verbs").add(verb);
    }
}
