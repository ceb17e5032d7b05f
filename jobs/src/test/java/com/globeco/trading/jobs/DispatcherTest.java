package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Portfolio Accounting dispatcher runs once at any time (a Deployment of one replica, replaced by Recreate: two
 * would run the CLI twice on a file), on the directory the allocation job's TaskManagers write, writable for its
 * {@code .sent} markers. Its control port ({@code POST /dispatch}, DISPATCH_CONTROL_PORT) is the container port named
 * {@code control}, behind a Service on the port the read service's DISPATCHER_URL names, and NetworkPolicies let only
 * the read service's pods reach it.
 */
@Tag(KubernetesManifests.TAG)
class DispatcherTest {
    /** The operations module's dispatcher, by name: that module depends on this one, not this one on it. */
    private static final String DISPATCHER = "com.globeco.trading.operations.accounting.PortfolioAccountingDispatcher";
    /** The dispatcher's default DISPATCH_CONTROL_PORT (PortfolioAccountingDispatcher). */
    static final int DEFAULT_CONTROL_PORT = 8091;
    static final String NODELAY = "-Dsun.net.httpserver.nodelay=true";

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderings")
    void theControlPortIsServedToTheReadServiceOnly(Manifests manifests) {
        assertThat(controlErrors(manifests)).isEmpty();
    }

    @Test
    void brokenControlPortsAreRejected() {
        Manifests manifests = KubernetesManifests.deployed();
        ObjectNode dispatcher = manifests.find("Deployment", "portfolio-accounting-dispatcher").orElseThrow();
        ObjectNode service = manifests.find("Service", "portfolio-accounting-dispatcher").orElseThrow();
        ObjectNode policy = manifests.find("NetworkPolicy", "portfolio-accounting-dispatcher").orElseThrow();
        ObjectNode endpoints = manifests.find("ConfigMap", "read-service-endpoints").orElseThrow();
        Function<ObjectNode, List<String>> check = BrokenCopy.amid(manifests, DispatcherTest::controlErrors);

        BrokenCopy.assertRejected(dispatcher, check, d -> container(d).withArray("ports").removeIf(port -> port.path("name").asText().equals("control")));
        BrokenCopy.assertRejected(dispatcher, check, d -> container(d).withArray("env").forEach(variable -> {
            if (variable.path("name").asText().equals("DISPATCH_CONTROL_PORT")) {
                ((ObjectNode) variable).put("value", "8092");
            }
        }));
        BrokenCopy.assertRejected(dispatcher, check, d -> container(d).withArray("command").removeIf(part -> part.asText().equals(NODELAY)));
        BrokenCopy.assertRejected(service, check, s -> ((ObjectNode) s.withArray("/spec/ports").get(0)).put("port", 8092));
        BrokenCopy.assertRejected(service, check, s -> s.withObject("/spec/selector").put("app.kubernetes.io/name", "read-service"));
        BrokenCopy.assertRejected(endpoints, check, c -> c.withObject("/data").put("DISPATCHER_URL", "http://portfolio-accounting-dispatcher:9249"));
        BrokenCopy.assertRejected(policy, check, p -> ((ObjectNode) p.withArray("/spec/ingress").get(1).withArray("from").get(0))
                .putObject("podSelector"));
        BrokenCopy.assertRejected(policy, check, p -> ((ObjectNode) p.withArray("/spec/ingress").get(1).withArray("from").get(0))
                .putObject("namespaceSelector"));
        BrokenCopy.assertRejected(policy, check, p -> ((ObjectNode) p.withArray("/spec/ingress").get(0)).withArray("ports").addObject()
                .put("protocol", "TCP").put("port", 8091));
        BrokenCopy.assertRejected(policy, check, p -> p.withArray("/spec/ingress").remove(1));
        assertThat(controlErrors(manifests.without("Service", "portfolio-accounting-dispatcher"))).isNotEmpty();
    }

    /** The dispatcher's control port as the manifests serve it: port, Service, DISPATCHER_URL and who may reach it. */
    static List<String> controlErrors(Manifests manifests) {
        List<String> errors = new ArrayList<>();
        ObjectNode dispatcher = manifests.find("Deployment", "portfolio-accounting-dispatcher").orElse(null);
        if (dispatcher == null) {
            return List.of("no Deployment portfolio-accounting-dispatcher");
        }
        JsonNode container = container(dispatcher);
        List<Variable> variables = Variable.of(container, manifests);
        int port = variables.stream().filter(v -> v.name().equals("DISPATCH_CONTROL_PORT")).map(v -> Integer.parseInt(v.value()))
                .reduce((first, second) -> second).orElse(DEFAULT_CONTROL_PORT);
        boolean named = StreamSupport.stream(container.path("ports").spliterator(), false)
                .anyMatch(p -> p.path("name").asText().equals("control") && p.path("containerPort").asInt() == port);
        if (!named) {
            errors.add("the dispatcher has no container port named control on DISPATCH_CONTROL_PORT " + port);
        }
        if (StreamSupport.stream(container.path("command").spliterator(), false).noneMatch(part -> part.asText().equals(NODELAY))) {
            errors.add("the dispatcher's java command lacks " + NODELAY);
        }
        Map<String, String> podLabels = labels(dispatcher.path("spec").path("template").path("metadata").path("labels"));

        // DISPATCHER_URL of the read service: http://<a Service selecting the dispatcher>:<its port to the control port>
        ObjectNode reader = manifests.find("Deployment", "read-service").orElse(null);
        String url = reader == null ? null : Variable.of(container(reader), manifests).stream().filter(v -> v.name().equals("DISPATCHER_URL"))
                .map(Variable::value).reduce((first, second) -> second).orElse(null);
        java.net.URI uri = url == null ? null : java.net.URI.create(url);
        Optional<ObjectNode> service = uri == null ? Optional.empty() : manifests.find("Service", uri.getHost());
        if (service.isEmpty()) {
            errors.add("the read service's DISPATCHER_URL " + url + " names no Service of these manifests");
        } else {
            JsonNode spec = service.get().path("spec");
            if (!new LabelSelector(YAML_OBJECTS.objectNode().set("matchLabels", spec.path("selector").deepCopy())).matches(podLabels)) {
                errors.add(Manifests.label(service.get()) + " does not select the dispatcher's pods");
            }
            boolean served = StreamSupport.stream(spec.path("ports").spliterator(), false).anyMatch(p -> p.path("port").asInt() == uri.getPort()
                    && (p.path("targetPort").asText().equals("control") || p.path("targetPort").asInt() == port));
            if (!served) {
                errors.add(Manifests.label(service.get()) + " has no port " + uri.getPort() + " (DISPATCHER_URL " + url + ") to the control port " + port);
            }
        }

        // Every ingress rule of a policy selecting the dispatcher that opens the control port lets in the read service's pods only.
        List<LabelledPod> pods = LabelledPod.of(manifests);
        LabelledPod dispatcherPod = pods.stream().filter(pod -> pod.workload().equals(Manifests.label(dispatcher))).findFirst().orElseThrow();
        boolean readerAllowed = false;
        for (NetworkPolicy policy : NetworkPolicy.of(manifests)) {
            if (!policy.selects(dispatcherPod)) {
                continue;
            }
            for (NetworkPolicy.Rule rule : policy.ingress()) {
                if (!rule.opens(port)) {
                    continue;
                }
                if (rule.everyPeer()) {
                    errors.add(rule.where() + ": lets every peer reach the control port " + port);
                    continue;
                }
                for (JsonNode peer : rule.peers()) {
                    LabelSelector selector = new LabelSelector(peer.path("podSelector"));
                    List<String> selected = pods.stream().filter(pod -> selector.matches(pod.labels())).map(LabelledPod::workload).distinct().toList();
                    if (peer.has("namespaceSelector") || peer.has("ipBlock") || !selected.equals(List.of("Deployment/read-service"))) {
                        errors.add(rule.where() + ": lets " + peer + " reach the control port " + port + "; only the read service's pods may");
                    } else {
                        readerAllowed = true;
                    }
                }
            }
        }
        if (!readerAllowed) {
            errors.add("no NetworkPolicy lets the read service's pods reach the dispatcher's control port " + port);
        }
        return errors;
    }

    private static final com.fasterxml.jackson.databind.node.JsonNodeFactory YAML_OBJECTS = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;

    private static ObjectNode container(JsonNode deployment) {
        return (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        labels.properties().forEach(label -> map.put(label.getKey(), label.getValue().asText()));
        return map;
    }

    @Test
    void theDispatcherRunsOnceOnTheFilesOfTheJob() {
        assertThat(errors(KubernetesManifests.deployed())).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        Manifests manifests = KubernetesManifests.deployed();
        ObjectNode dispatcher = manifests.find("Deployment", "portfolio-accounting-dispatcher").orElseThrow();

        BrokenCopy.assertRejected(dispatcher, copy -> errors(manifests.with(copy)), d -> d.withObject("/spec").put("replicas", 2));
        BrokenCopy.assertRejected(dispatcher, copy -> errors(manifests.with(copy)), d -> d.withObject("/spec/strategy").put("type", "RollingUpdate"));
        BrokenCopy.assertRejected(dispatcher, copy -> errors(manifests.with(copy)), d -> d.withArray("/spec/template/spec/containers").forEach(container ->
                ((ObjectNode) container).withArray("args").set(0, TextNode.valueOf("/srv/files"))));
        assertThat(errors(new Manifests("no dispatcher", manifests.documents().stream().filter(document -> document != dispatcher).toList())))
                .isNotEmpty();
    }

    static List<String> errors(Manifests manifests) {
        List<ObjectNode> jobs = manifests.ofKind("FlinkDeployment").stream()
                .filter(job -> FileSinkDirectoryTest.FILES_OPTION.containsKey(job.path("spec").path("job").path("entryClass").asText())).toList();
        List<String> errors = new ArrayList<>();
        boolean dispatched = false;
        for (ObjectNode document : manifests.documents()) {
            JsonNode pod = document.path("spec").path("template").path("spec");
            for (JsonNode container : pod.path("containers")) {
                List<String> line = new ArrayList<>();
                container.path("command").forEach(part -> line.add(part.asText()));
                container.path("args").forEach(part -> line.add(part.asText()));
                int at = line.indexOf(DISPATCHER);
                if (at < 0) {
                    continue;
                }
                dispatched = true;
                errors.addAll(errors(document, pod, container, at + 1 < line.size() ? line.get(at + 1) : "", jobs, manifests));
            }
        }
        if (!jobs.isEmpty() && !dispatched) {
            errors.add(jobs.stream().map(Manifests::label).toList() + " write files that no Deployment here dispatches");
        }
        return errors;
    }

    private static List<String> errors(ObjectNode document, JsonNode pod, JsonNode container, String directory, List<ObjectNode> jobs,
                                       Manifests manifests) {
        String where = Manifests.label(document) + " container " + container.path("name").asText();
        List<String> errors = new ArrayList<>();
        if (!document.path("kind").asText().equals("Deployment") || document.path("spec").path("replicas").asInt(1) != 1
                || !document.path("spec").path("strategy").path("type").asText().equals("Recreate")) {
            errors.add(where + ": expected a Deployment of 1 replica, replaced by Recreate: two dispatchers would run the CLI twice on a file");
        }
        Optional<ClaimPath> read = ClaimPath.of(pod, container, directory);
        if (read.isEmpty() || read.get().readOnly()) {
            errors.add(where + ": " + directory + " is on no writable claim; the markers go there");
        }
        for (ObjectNode job : jobs) {
            FlinkPod taskManager = FlinkPod.taskManager(job);
            String option = FileSinkDirectoryTest.FILES_OPTION.get(job.path("spec").path("job").path("entryClass").asText());
            Optional<ClaimPath> written = JobOption.given(job, option, manifests)
                    .flatMap(files -> ClaimPath.of(taskManager.spec(), taskManager.mainContainer(), files));
            if (read.isPresent() && written.isPresent() && !read.get().place().equals(written.get().place())) {
                errors.add(where + ": " + directory + " is " + read.get().place() + ", but " + Manifests.label(job) + " writes its files ("
                        + option + ") to " + written.get().place());
            }
        }
        return errors;
    }
}
