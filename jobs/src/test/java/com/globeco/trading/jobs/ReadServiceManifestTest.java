package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.globeco.trading.schema.DatabaseRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read service (read-service.yaml) as the cluster gets it, base and secured overlay:
 * <ul>
 *   <li>a Deployment of 2 replicas replaced with none down (RollingUpdate, maxUnavailable 0), and a PodDisruptionBudget
 *       keeping 1, running the jobs' image on the classpath the Dockerfile fills, with the service's main class;</li>
 *   <li>the port named {@code http} is READ_SERVICE_PORT; startupProbe and livenessProbe GET /healthz, readinessProbe
 *       GET /readyz (a database outage unreadies the pod, never restarts it), scraped at /metrics on that port;</li>
 *   <li>both databases as globeco_reader: POSTGRES_URL the jobs' trade-lifecycle database, ALLOCATION_POSTGRES_URL the
 *       allocation job's database, each password from its own Secret (globeco-reader-postgres,
 *       globeco-reader-allocation-postgres), both in secret.example.yaml;</li>
 *   <li>Services read-service and globeco-allocation-service (seed 001's host) select its pods, port 8089 to http;</li>
 *   <li>its NetworkPolicies let in 8089 from the namespace's pods only and let out DNS, Postgres, Kafka and the dispatcher's
 *       control port, to the dispatcher's pods only;</li>
 *   <li>podmonitor.yaml scrapes /metrics on its port http;</li>
 *   <li>non-root, read-only root file system, no capabilities, a writable /tmp, a memory limit; in the secured overlay,
 *       KAFKA_CLIENT_CONFIG a file of a mounted Secret.</li>
 * </ul>
 */
@Tag(KubernetesManifests.TAG)
class ReadServiceManifestTest {
    static final String NAME = "read-service";
    static final String MAIN_CLASS = "com.globeco.trading.read.ReadService";
    static final Path MAIN_SOURCE = Path.of("..", "read-service", "src", "main", "java", "com", "globeco", "trading", "read", "ReadService.java");
    static final Path DOCKERFILE = KubernetesManifests.FOLDER.resolve("Dockerfile");
    static final int PORT = 8089;
    static final Map<String, String> PASSWORD_SECRETS = Map.of("POSTGRES_PASSWORD", "globeco-reader-postgres",
            "ALLOCATION_POSTGRES_PASSWORD", "globeco-reader-allocation-postgres");
    static final List<String> SERVICES = List.of("read-service", "globeco-allocation-service");
    /** What the read service must reach: DNS, both Postgres databases, Kafka (plain and SASL_SSL), the dispatcher's control port. */
    static final List<Integer> EGRESS_PORTS = List.of(53, 5432, 9092, 9093, DispatcherTest.DEFAULT_CONTROL_PORT);

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderings")
    void theReadServiceIsDeployedAsDesigned(Manifests manifests) {
        assertThat(errors(manifests)).isEmpty();
    }

    @Test
    void thePodMonitorScrapesItsMetrics() {
        Manifests manifests = KubernetesManifests.deployed();
        assertThat(podMonitorErrors(manifests)).isEmpty();
        ObjectNode monitor = manifests.find("PodMonitor", "trade-lifecycle").orElseThrow();
        BrokenCopy.assertRejected(monitor, copy -> podMonitorErrors(manifests.with(copy)), m -> m.withArray("/spec/podMetricsEndpoints")
                .removeIf(endpoint -> endpoint.path("port").asText().equals("http")));
    }

    @Test
    void theSecuredReadServiceReadsItsKafkaSettingsFromAMountedSecret() {
        assertThat(securedErrors(KubernetesManifests.secured())).isEmpty();
    }

    @Test
    void theMainClassIsTheServiceAndTheImageHoldsItsClasspath() throws IOException {
        assertThat(MAIN_SOURCE).exists();
        assertThat(Files.readString(MAIN_SOURCE)).contains("public final class ReadService").contains("public static void main(String[] args)");
        ObjectNode deployment = KubernetesManifests.deployed().find("Deployment", NAME).orElseThrow();
        assertThat(imageErrors(command(deployment), Files.readString(DOCKERFILE))).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        Manifests manifests = KubernetesManifests.deployed();
        ObjectNode deployment = manifests.find("Deployment", NAME).orElseThrow();
        Function<ObjectNode, List<String>> check = BrokenCopy.amid(manifests, ReadServiceManifestTest::errors);

        BrokenCopy.assertRejected(deployment, check, d -> d.withObject("/spec").put("replicas", 1));
        BrokenCopy.assertRejected(deployment, check, d -> d.withObject("/spec/strategy/rollingUpdate").put("maxUnavailable", 1));
        BrokenCopy.assertRejected(deployment, check, d -> container(d).set("livenessProbe", container(d).path("readinessProbe").deepCopy()));
        BrokenCopy.assertRejected(deployment, check, d -> container(d).withObject("/readinessProbe/httpGet").put("path", "/healthz"));
        BrokenCopy.assertRejected(deployment, check, d -> container(d).withObject("/startupProbe/httpGet").put("port", 8080));
        BrokenCopy.assertRejected(deployment, check, d -> container(d).remove("startupProbe"));
        BrokenCopy.assertRejected(deployment, check, d -> variable(d, "ALLOCATION_POSTGRES_PASSWORD").withObject("/valueFrom/secretKeyRef")
                .put("name", "allocation-postgres"));
        BrokenCopy.assertRejected(deployment, check, d -> variable(d, "POSTGRES_USER").put("value", "postgres"));
        BrokenCopy.assertRejected(deployment, check, d -> variable(d, "ALLOCATION_POSTGRES_URL").withObject("/valueFrom/configMapKeyRef")
                .put("name", "trade-lifecycle-endpoints"));
        BrokenCopy.assertRejected(deployment, check, d -> variable(d, "READ_SERVICE_PORT").put("value", "8090"));
        BrokenCopy.assertRejected(deployment, check, d -> container(d).put("image", "globeco/trade-lifecycle-flink:0.0.9"));
        BrokenCopy.assertRejected(deployment, check, d -> d.withObject("/spec/template/metadata/annotations").put("prometheus.io/port", "9249"));
        BrokenCopy.assertRejected(deployment, check, d -> container(d).withObject("/securityContext").put("readOnlyRootFilesystem", false));
        BrokenCopy.assertRejected(deployment, check, d -> d.withObject("/spec/template/spec/securityContext").remove("runAsNonRoot"));
        BrokenCopy.assertRejected(deployment, check, d -> container(d).withArray("volumeMounts").removeAll());
        BrokenCopy.assertRejected(deployment, check, d -> container(d).withObject("/resources/limits").remove("memory"));

        ObjectNode service = manifests.find("Service", "globeco-allocation-service").orElseThrow();
        BrokenCopy.assertRejected(service, check, s -> ((ObjectNode) s.withArray("/spec/ports").get(0)).put("port", 8080));
        BrokenCopy.assertRejected(service, check, s -> s.withObject("/spec/selector").put("app.kubernetes.io/name", "portfolio-accounting-dispatcher"));
        assertThat(errors(manifests.without("Service", "globeco-allocation-service"))).isNotEmpty();
        ObjectNode budget = manifests.find("PodDisruptionBudget", NAME).orElseThrow();
        BrokenCopy.assertRejected(budget, check, b -> b.withObject("/spec").put("minAvailable", 0));

        ObjectNode policy = manifests.find("NetworkPolicy", NAME).orElseThrow();
        BrokenCopy.assertRejected(policy, check, p -> ((ObjectNode) p.withArray("/spec/ingress").get(0)).withArray("from").addObject()
                .putObject("namespaceSelector"));
        BrokenCopy.assertRejected(policy, check, p -> ((ObjectNode) p.withArray("/spec/ingress").get(0)).withArray("ports").addObject()
                .put("protocol", "TCP").put("port", 8080));
        BrokenCopy.assertRejected(policy, check, p -> p.withArray("/spec/egress").remove(1));
        BrokenCopy.assertRejected(policy, check, p -> ((ObjectNode) p.withArray("/spec/egress").get(1).withArray("to").get(0)).putObject("podSelector"));
        BrokenCopy.assertRejected(policy, check, p -> ((ObjectNode) p.withArray("/spec/egress").get(0)).withArray("ports").remove(0));

        Manifests secured = KubernetesManifests.secured();
        ObjectNode securedDeployment = secured.find("Deployment", NAME).orElseThrow();
        BrokenCopy.assertRejected(securedDeployment, copy -> securedErrors(secured.with(copy)), d -> container(d).withArray("env")
                .removeIf(variable -> variable.path("name").asText().equals("KAFKA_CLIENT_CONFIG")));
        BrokenCopy.assertRejected(securedDeployment, copy -> securedErrors(secured.with(copy)), d -> container(d).withArray("volumeMounts")
                .removeIf(mount -> mount.path("name").asText().equals("kafka-client")));

        List<String> command = command(deployment);
        List<String> otherClass = new ArrayList<>(command);
        otherClass.set(otherClass.size() - 1, "com.globeco.trading.read.ReadServer");
        String dockerfile = readString(DOCKERFILE);
        assertThat(imageErrors(otherClass, dockerfile)).isNotEmpty();
        assertThat(imageErrors(command, dockerfile.replace("/opt/read-service/", "/opt/reader/"))).isNotEmpty();
    }

    static List<String> errors(Manifests manifests) {
        Optional<ObjectNode> found = manifests.find("Deployment", NAME);
        if (found.isEmpty()) {
            return List.of(manifests + ": no Deployment " + NAME);
        }
        ObjectNode deployment = found.get();
        JsonNode spec = deployment.path("spec");
        JsonNode pod = spec.path("template").path("spec");
        JsonNode container = pod.path("containers").path(0);
        List<Variable> variables = Variable.of(container, manifests);
        String where = manifests + " Deployment/" + NAME;
        List<String> errors = new ArrayList<>();

        if (spec.path("replicas").asInt(1) != 2 || !spec.path("strategy").path("type").asText().equals("RollingUpdate")
                || !spec.path("strategy").path("rollingUpdate").path("maxUnavailable").asText().equals("0")) {
            errors.add(where + ": expected 2 replicas, replaced by RollingUpdate with maxUnavailable 0");
        }
        Map<String, String> podLabels = labels(spec.path("template").path("metadata").path("labels"));
        boolean budgeted = manifests.ofKind("PodDisruptionBudget").stream().anyMatch(budget -> budget.path("spec").path("minAvailable").asInt(0) >= 1
                && new LabelSelector(budget.path("spec").path("selector")).matches(podLabels));
        if (!budgeted) {
            errors.add(where + ": no PodDisruptionBudget with minAvailable 1 selects its pods");
        }
        String image = manifests.find("FlinkDeployment", "allocation").map(job -> job.path("spec").path("image").asText()).orElse("(no allocation job)");
        if (!container.path("image").asText().equals(image)) {
            errors.add(where + ": image " + container.path("image").asText() + ", not the jobs' " + image);
        }
        if (!command(deployment).contains(MAIN_CLASS)) {
            errors.add(where + ": the command does not run " + MAIN_CLASS);
        }

        // Port, probes, scrapes.
        int port = value(variables, "READ_SERVICE_PORT").map(Integer::parseInt).orElse(PORT);
        if (port != PORT) {
            errors.add(where + ": READ_SERVICE_PORT is " + port + ", not the seed's " + PORT);
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        if (!Integer.valueOf(port).equals(ports.get("http"))) {
            errors.add(where + ": no container port named http on READ_SERVICE_PORT " + port);
        }
        Map<String, String> probePaths = Map.of("startupProbe", "/healthz", "livenessProbe", "/healthz", "readinessProbe", "/readyz");
        probePaths.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            JsonNode probePort = get.path("port");
            int at = probePort.isNumber() ? probePort.asInt() : ports.getOrDefault(probePort.asText(), -1);
            if (!get.path("path").asText().equals(path) || at != port) {
                errors.add(where + ": " + probe + " does not GET " + path + " on port " + port);
            }
        });
        JsonNode annotations = spec.path("template").path("metadata").path("annotations");
        if (!annotations.path("prometheus.io/scrape").asText().equals("true") || !annotations.path("prometheus.io/port").asText().equals(String.valueOf(port))
                || !annotations.path("prometheus.io/path").asText().equals("/metrics")) {
            errors.add(where + ": expected the annotations prometheus.io/scrape \"true\", prometheus.io/port " + port + ", prometheus.io/path /metrics");
        }

        // Both databases as globeco_reader, each with its own Secret.
        String reader = DatabaseRole.READER.roleName();
        for (String prefix : List.of("", "ALLOCATION_")) {
            if (!value(variables, prefix + "POSTGRES_USER").orElse("").equals(reader)) {
                errors.add(where + ": " + prefix + "POSTGRES_USER is not " + reader);
            }
        }
        PASSWORD_SECRETS.forEach((variable, secret) -> {
            JsonNode reference = env(container, variable).path("valueFrom").path("secretKeyRef");
            if (!reference.path("name").asText().equals(secret) || !reference.path("key").asText().equals("password")) {
                errors.add(where + ": " + variable + " is not key password of Secret " + secret);
            }
            if (KubernetesManifests.documents(KubernetesManifests.BASE_SECRETS).stream().noneMatch(example -> Manifests.nameOf(example).equals(secret))) {
                errors.add("secret.example.yaml has no Secret " + secret);
            }
        });
        String jobsDatabase = manifests.data("ConfigMap", "trade-lifecycle-endpoints").map(data -> data.get("POSTGRES_URL")).orElse(null);
        String allocationDatabase = manifests.find("FlinkDeployment", "allocation").flatMap(job -> FlinkPod.of(job).stream().findFirst())
                .flatMap(job -> value(Variable.of(job.mainContainer(), manifests), "POSTGRES_URL")).orElse(null);
        if (jobsDatabase == null || !value(variables, "POSTGRES_URL").orElse("").equals(jobsDatabase)) {
            errors.add(where + ": POSTGRES_URL is not the trade-lifecycle database's " + jobsDatabase);
        }
        if (allocationDatabase == null || !value(variables, "ALLOCATION_POSTGRES_URL").orElse("").equals(allocationDatabase)) {
            errors.add(where + ": ALLOCATION_POSTGRES_URL is not the allocation job's POSTGRES_URL " + allocationDatabase);
        }

        // Services.
        for (String name : SERVICES) {
            Optional<ObjectNode> service = manifests.find("Service", name);
            boolean serves = service.isPresent() && new LabelSelector(selectorOf(service.get())).matches(podLabels)
                    && StreamSupport.stream(service.get().path("spec").path("ports").spliterator(), false).anyMatch(p -> p.path("port").asInt() == PORT
                    && (p.path("targetPort").asText().equals("http") || p.path("targetPort").asInt() == port));
            if (!serves) {
                errors.add(manifests + ": no Service " + name + " selecting the read service's pods on port " + PORT + " to http");
            }
        }

        // Pod security and resources.
        JsonNode podSecurity = pod.path("securityContext");
        JsonNode security = container.path("securityContext");
        if (!podSecurity.path("runAsNonRoot").asBoolean(false) || podSecurity.path("runAsUser").asInt(0) != 9999
                || !security.path("readOnlyRootFilesystem").asBoolean(false) || security.path("allowPrivilegeEscalation").asBoolean(true)
                || !security.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
            errors.add(where + ": expected non-root 9999, a read-only root file system, no privilege escalation, capabilities dropped");
        }
        Set<String> emptyDirs = new TreeSet<>();
        pod.path("volumes").forEach(volume -> {
            if (volume.has("emptyDir")) {
                emptyDirs.add(volume.path("name").asText());
            }
        });
        boolean tmp = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .anyMatch(mount -> mount.path("mountPath").asText().equals("/tmp") && emptyDirs.contains(mount.path("name").asText()));
        if (!tmp) {
            errors.add(where + ": /tmp is no emptyDir (the root file system is read-only)");
        }
        JsonNode resources = container.path("resources");
        if (resources.path("limits").path("memory").isMissingNode() || resources.path("requests").path("cpu").isMissingNode()) {
            errors.add(where + ": expected a cpu request and a memory limit");
        }

        errors.addAll(networkErrors(manifests, deployment));
        return errors;
    }

    /** Its NetworkPolicies: in, 8089 from the namespace's pods only; out, Postgres, Kafka and the dispatcher's control port. */
    private static List<String> networkErrors(Manifests manifests, ObjectNode deployment) {
        List<LabelledPod> pods = LabelledPod.of(manifests);
        LabelledPod reader = pods.stream().filter(pod -> pod.workload().equals(Manifests.label(deployment))).findFirst().orElseThrow();
        List<NetworkPolicy> selecting = NetworkPolicy.of(manifests).stream().filter(policy -> policy.selects(reader)).toList();
        List<String> errors = new ArrayList<>();
        boolean served = false;
        for (NetworkPolicy.Rule rule : selecting.stream().flatMap(policy -> policy.ingress().stream()).toList()) {
            if (rule.ports().isEmpty() || StreamSupport.stream(rule.ports().spliterator(), false).anyMatch(p -> p.path("port").asInt() != PORT)) {
                errors.add(rule.where() + ": lets in more than port " + PORT);
            }
            for (JsonNode peer : rule.peers()) {
                boolean monitoring = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText().equals("monitoring")
                        && !peer.has("podSelector");
                boolean namespace = !peer.has("namespaceSelector") && !peer.has("ipBlock") && new LabelSelector(peer.path("podSelector")).isEmpty();
                if (!monitoring && !namespace) {
                    errors.add(rule.where() + ": lets in " + peer + "; only the namespace's pods (and Prometheus) may reach the read service");
                }
                served |= namespace;
            }
        }
        if (!served) {
            errors.add(Manifests.label(deployment) + ": no NetworkPolicy lets the namespace's pods reach port " + PORT);
        }
        Map<String, String> dispatcherLabels = manifests.find("Deployment", "portfolio-accounting-dispatcher")
                .map(d -> labels(d.path("spec").path("template").path("metadata").path("labels"))).orElse(Map.of());
        List<NetworkPolicy.Rule> egress = selecting.stream().flatMap(policy -> policy.egress().stream()).toList();
        for (int port : EGRESS_PORTS) {
            boolean allowed = egress.stream().anyMatch(rule -> !rule.ports().isEmpty() && rule.opens(port) && !rule.everyPeer()
                    && (port != DispatcherTest.DEFAULT_CONTROL_PORT || dispatcherOnly(rule, pods, dispatcherLabels)));
            if (!allowed) {
                errors.add(Manifests.label(deployment) + ": no NetworkPolicy lets it out to port " + port
                        + (port == DispatcherTest.DEFAULT_CONTROL_PORT ? " of the dispatcher's pods (only)" : ""));
            }
        }
        return errors;
    }

    private static boolean dispatcherOnly(NetworkPolicy.Rule rule, List<LabelledPod> pods, Map<String, String> dispatcherLabels) {
        return StreamSupport.stream(rule.peers().spliterator(), false).allMatch(peer -> !peer.has("namespaceSelector") && !peer.has("ipBlock")
                && new LabelSelector(peer.path("podSelector")).matches(dispatcherLabels)
                && pods.stream().filter(pod -> new LabelSelector(peer.path("podSelector")).matches(pod.labels()))
                .allMatch(pod -> pod.workload().equals("Deployment/portfolio-accounting-dispatcher")));
    }

    /** A PodMonitor selecting the read service's pods scrapes /metrics on its port named http. */
    static List<String> podMonitorErrors(Manifests manifests) {
        ObjectNode deployment = manifests.find("Deployment", NAME).orElseThrow();
        Map<String, String> podLabels = labels(deployment.path("spec").path("template").path("metadata").path("labels"));
        boolean scraped = manifests.ofKind("PodMonitor").stream()
                .filter(monitor -> new LabelSelector(monitor.path("spec").path("selector")).matches(podLabels))
                .flatMap(monitor -> StreamSupport.stream(monitor.path("spec").path("podMetricsEndpoints").spliterator(), false))
                .anyMatch(endpoint -> endpoint.path("port").asText().equals("http") && endpoint.path("path").asText().equals("/metrics"));
        return scraped ? List.of() : List.of("no PodMonitor scrapes /metrics on the read service's port http");
    }

    /** In the secured overlay: KAFKA_CLIENT_CONFIG once, a file of a Secret mounted read-only into the container. */
    static List<String> securedErrors(Manifests secured) {
        ObjectNode deployment = secured.find("Deployment", NAME).orElseThrow();
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").path(0);
        List<String> config = Variable.of(container, secured).stream().filter(v -> v.name().equals("KAFKA_CLIENT_CONFIG")).map(Variable::value).toList();
        if (config.size() != 1 || config.get(0) == null) {
            return List.of("secured Deployment/" + NAME + ": KAFKA_CLIENT_CONFIG is " + config + "; expected once, a path");
        }
        SecretFile file = SecretFile.at(pod, container, config.get(0), secured);
        return file.found() ? List.of() : List.of("secured Deployment/" + NAME + ": KAFKA_CLIENT_CONFIG: " + file.problem());
    }

    /**
     * The Dockerfile copies the read service's jar and dependencies into the folder whose {@code /*} is the command's
     * classpath, and its build-time start check runs the command's main class there.
     */
    static List<String> imageErrors(List<String> command, String dockerfile) {
        List<String> errors = new ArrayList<>();
        int cp = command.indexOf("-cp");
        String classpath = cp >= 0 && cp + 1 < command.size() ? command.get(cp + 1) : "";
        String mainClass = command.isEmpty() ? "" : command.get(command.size() - 1);
        if (!classpath.endsWith("/*")) {
            errors.add("the classpath " + classpath + " is not a folder's /*");
            return errors;
        }
        String folder = classpath.substring(0, classpath.length() - 1);
        for (String source : List.of("read-service/target/read-service-*.jar", "read-service/target/dependency/")) {
            Matcher copy = Pattern.compile("(?m)^COPY\\b.*\\s" + Pattern.quote(source) + "\\s+" + Pattern.quote(folder) + "\\s*$").matcher(dockerfile);
            if (!copy.find()) {
                errors.add("the Dockerfile does not COPY " + source + " to " + folder);
            }
        }
        if (!dockerfile.contains("-cp '" + classpath + "'") || !dockerfile.contains(mainClass + " 2>&1")) {
            errors.add("the Dockerfile's start check does not run " + mainClass + " on " + classpath);
        }
        if (!mainClass.equals(MAIN_CLASS)) {
            errors.add("the command runs " + mainClass + ", not " + MAIN_CLASS);
        }
        return errors;
    }

    private static List<String> command(JsonNode deployment) {
        List<String> command = new ArrayList<>();
        deployment.path("spec").path("template").path("spec").path("containers").path(0).path("command").forEach(part -> command.add(part.asText()));
        return command;
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.withArray("/spec/template/spec/containers").get(0);
    }

    private static ObjectNode variable(ObjectNode deployment, String name) {
        return (ObjectNode) env(container(deployment), name);
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode entry : container.path("env")) {
            if (entry.path("name").asText().equals(name)) {
                return entry;
            }
        }
        return MissingNode.getInstance();
    }

    private static Optional<String> value(List<Variable> variables, String name) {
        String value = null;
        for (Variable variable : variables) {
            if (variable.name().equals(name)) {
                value = variable.value();
            }
        }
        return Optional.ofNullable(value);
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new LinkedHashMap<>();
        labels.properties().forEach(label -> map.put(label.getKey(), label.getValue().asText()));
        return map;
    }

    private static JsonNode selectorOf(ObjectNode service) {
        ObjectNode selector = service.objectNode();
        selector.set("matchLabels", service.path("spec").path("selector").deepCopy());
        return selector;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
