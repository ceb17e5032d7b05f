package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.schema.DatabaseRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing connects to Postgres as the superuser: every job as its own role (schema V6__job_roles.sql, {@link DatabaseRole}),
 * the migration as the schema's owner, each role with one password Secret, which no other role uses. A FlinkDeployment
 * that runs a job deployed already under another name ({@link #OTHER_RUNS}) connects as that job's role, with its Secret.
 */
@Tag(KubernetesManifests.TAG)
class PostgresRolesTest {
    /**
     * FlinkDeployments that run the same job (entry class) as another, named by it: its role and its Secret. The daily
     * reconciliation is PositionReconciliationJob in daily mode, the hourly run's job.
     */
    static final Map<String, String> OTHER_RUNS = Map.of("position-reconciliation-daily", "position-reconciliation");
    static final Set<String> SUPERUSERS = Set.of("postgres");
    /** What a job connects as when neither {@code --postgres.user} nor {@code POSTGRES_USER} is given (JobArguments). */
    static final String JOBS_DEFAULT_USER = "postgres";
    static final Set<String> PASSWORD_VARIABLES = Set.of("POSTGRES_PASSWORD", "PGPASSWORD");

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderings")
    void everyWorkloadConnectsAsItsOwnRole(Manifests manifests) {
        assertThat(errors(manifests)).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        Manifests manifests = KubernetesManifests.deployed();
        Function<ObjectNode, List<String>> check = BrokenCopy.amid(manifests, PostgresRolesTest::errors);
        ObjectNode hotpath = manifests.find("FlinkDeployment", "trade-hotpath").orElseThrow();
        ObjectNode migration = manifests.find("Job", "trade-lifecycle-migrate").orElseThrow();

        BrokenCopy.assertRejected(hotpath, check, d -> variable(BrokenCopy.commonMainContainer(d), "POSTGRES_USER").put("value", "postgres"));
        BrokenCopy.assertRejected(hotpath, check, d -> variable(BrokenCopy.commonMainContainer(d), "POSTGRES_USER")
                .put("value", DatabaseRole.BACKDATED_COLDPATH.roleName()));
        BrokenCopy.assertRejected(hotpath, check, d -> BrokenCopy.commonMainContainer(d).withArray("env")
                .removeIf(entry -> entry.path("name").asText().equals("POSTGRES_USER")));
        BrokenCopy.assertRejected(hotpath, check, d -> d.withArray("/spec/job/args").add("--postgres.user").add("postgres"));
        BrokenCopy.assertRejected(hotpath, check, d -> variable(BrokenCopy.commonMainContainer(d), "POSTGRES_PASSWORD")
                .withObject("/valueFrom/secretKeyRef").put("name", "backdated-coldpath-postgres"));
        BrokenCopy.assertRejected(migration, check, j -> variable(container(j), "POSTGRES_USER").put("value", "postgres"));
        assertThat(errors(manifests.plus(BrokenCopy.of(hotpath, d -> d.withObject("/metadata").put("name", "trade-hotpath-2")))))
                .as("a job without a role").anyMatch(error -> error.contains("trade-hotpath-2"));

        ObjectNode daily = manifests.find("FlinkDeployment", "position-reconciliation-daily").orElseThrow();
        BrokenCopy.assertRejected(daily, check, d -> variable(BrokenCopy.commonMainContainer(d), "POSTGRES_PASSWORD")
                .withObject("/valueFrom/secretKeyRef").put("name", "regulatory-reporting-postgres"));
        BrokenCopy.assertRejected(daily, check, d -> variable(BrokenCopy.commonMainContainer(d), "POSTGRES_PASSWORD")
                .withObject("/valueFrom/secretKeyRef").put("name", "globeco-reader-postgres"));
        BrokenCopy.assertRejected(daily, check, d -> d.withObject("/spec/job").put("entryClass", TradeHotpathJob.class.getName()));
        BrokenCopy.assertRejected(daily, check, d -> variable(BrokenCopy.commonMainContainer(d), "POSTGRES_USER")
                .put("value", DatabaseRole.REGULATORY_REPORTING.roleName()));
    }

    static List<String> errors(Manifests manifests) {
        List<String> errors = new ArrayList<>();
        Map<String, Map<String, Set<String>>> usersOfSecret = new TreeMap<>();
        for (ObjectNode document : manifests.documents()) {
            Optional<JsonNode> container = ManifestPod.of(document).stream().flatMap(pod -> pod.containers().stream())
                    .filter(candidate -> connectsToPostgres(candidate, manifests)).findFirst();
            if (container.isEmpty()) {
                continue;
            }
            String where = Manifests.label(document);
            String user = user(document, container.get(), manifests);
            if (SUPERUSERS.contains(user)) {
                errors.add(where + " connects to Postgres as the superuser " + user);
            }
            if (document.path("kind").asText().equals("FlinkDeployment")) {
                String job = OTHER_RUNS.getOrDefault(Manifests.nameOf(document), Manifests.nameOf(document));
                if (!job.equals(Manifests.nameOf(document))) {
                    String entryClass = document.path("spec").path("job").path("entryClass").asText();
                    String jobsClass = manifests.find("FlinkDeployment", job).map(other -> other.path("spec").path("job").path("entryClass").asText())
                            .orElse("(no FlinkDeployment " + job + ")");
                    if (!entryClass.equals(jobsClass)) {
                        errors.add(where + " runs " + entryClass + ", not " + job + "'s " + jobsClass + ": it is no other run of " + job);
                    }
                }
                String expected = DatabaseRole.ofJob(job).map(DatabaseRole::roleName).orElse("(no role: add one to V6 and DatabaseRole)");
                if (!expected.equals(user)) {
                    errors.add(where + " connects as " + user + ", not as its own role " + expected);
                }
            }
            container.get().path("env").forEach(entry -> {
                JsonNode secret = entry.path("valueFrom").path("secretKeyRef");
                if (PASSWORD_VARIABLES.contains(entry.path("name").asText()) && secret.has("name")) {
                    usersOfSecret.computeIfAbsent(secret.path("name").asText(), name -> new TreeMap<>())
                            .computeIfAbsent(user, role -> new TreeSet<>()).add(where);
                }
            });
        }
        Map<String, Set<String>> secretsOfUser = new TreeMap<>();
        usersOfSecret.forEach((secret, users) -> {
            if (users.size() > 1) {
                errors.add("Secret " + secret + " is the Postgres password of " + users + ": each role connects with its own");
            }
            users.keySet().forEach(user -> secretsOfUser.computeIfAbsent(user, role -> new TreeSet<>()).add(secret));
        });
        secretsOfUser.forEach((user, secrets) -> {
            if (secrets.size() > 1) {
                errors.add(user + " takes its password from the Secrets " + secrets + ": a role has one password, the migration sets it from one");
            }
        });
        return errors;
    }

    private static boolean connectsToPostgres(JsonNode container, Manifests manifests) {
        return Variable.of(container, manifests).stream().anyMatch(variable -> variable.name().equals("POSTGRES_URL"));
    }

    /** {@code --postgres.user} of the job's arguments, else the last POSTGRES_USER, else the jobs' default. */
    private static String user(JsonNode document, JsonNode container, Manifests manifests) {
        List<String> args = new ArrayList<>();
        document.path("spec").path("job").path("args").forEach(arg -> args.add(arg.asText()));
        int given = args.indexOf("--postgres.user");
        if (given >= 0 && given + 1 < args.size()) {
            return args.get(given + 1);
        }
        String user = JOBS_DEFAULT_USER;
        for (Variable variable : Variable.of(container, manifests)) {
            if (variable.name().equals("POSTGRES_USER")) {
                user = String.valueOf(variable.value());
            }
        }
        return user;
    }

    private static ObjectNode variable(ObjectNode container, String name) {
        for (JsonNode entry : container.path("env")) {
            if (entry.path("name").asText().equals(name)) {
                return (ObjectNode) entry;
            }
        }
        throw new IllegalArgumentException("no variable " + name);
    }

    private static ObjectNode container(ObjectNode job) {
        return (ObjectNode) job.path("spec").path("template").path("spec").path("containers").get(0);
    }
}
