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
 * the read service as {@code globeco_reader} ({@link #DEPLOYMENT_ROLES}), the migration as the schema's owner, each role
 * of each database with one password Secret, which no other role uses. A FlinkDeployment that runs a job deployed
 * already under another name ({@link #OTHER_RUNS}) connects as that job's role, with its Secret. A container may connect
 * to more than one database: {@code POSTGRES_URL}, and {@code <PREFIX>POSTGRES_URL} with {@code <PREFIX>POSTGRES_USER}
 * and {@code <PREFIX>POSTGRES_PASSWORD} (the read service's {@code ALLOCATION_}); a role of one name in two databases is
 * two roles, each with its own Secret.
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
    /** The Deployments (not jobs) that connect to Postgres, by name: the role each connects as, to every database. */
    static final Map<String, DatabaseRole> DEPLOYMENT_ROLES = Map.of("read-service", DatabaseRole.READER);
    private static final String URL = "POSTGRES_URL";

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

        ObjectNode reader = manifests.find("Deployment", "read-service").orElseThrow();
        BrokenCopy.assertRejected(reader, check, d -> variable(container(d), "ALLOCATION_POSTGRES_PASSWORD")
                .withObject("/valueFrom/secretKeyRef").put("name", "globeco-reader-postgres"));
        BrokenCopy.assertRejected(reader, check, d -> variable(container(d), "POSTGRES_PASSWORD")
                .withObject("/valueFrom/secretKeyRef").put("name", "globeco-reader-allocation-postgres"));
        BrokenCopy.assertRejected(reader, check, d -> variable(container(d), "ALLOCATION_POSTGRES_PASSWORD")
                .withObject("/valueFrom/secretKeyRef").put("name", "allocation-postgres"));
        BrokenCopy.assertRejected(reader, check, d -> variable(container(d), "ALLOCATION_POSTGRES_USER").put("value", "postgres"));
        BrokenCopy.assertRejected(reader, check, d -> variable(container(d), "POSTGRES_USER").put("value", DatabaseRole.TRADE_HOTPATH.roleName()));
        assertThat(errors(manifests.plus(BrokenCopy.of(reader, d -> d.withObject("/metadata").put("name", "read-service-2")))))
                .as("a Deployment without a role").anyMatch(error -> error.contains("read-service-2"));

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
            List<Variable> variables = Variable.of(container.get(), manifests);
            String expected = expectedRole(document, manifests, errors);
            for (String prefix : prefixes(variables)) {
                String user = prefix.isEmpty() ? user(document, variables) : last(variables, prefix + "POSTGRES_USER").orElse(JOBS_DEFAULT_USER);
                String role = user + " in " + database(variables, prefix);
                if (SUPERUSERS.contains(user)) {
                    errors.add(where + " connects to Postgres (" + prefix + URL + ") as the superuser " + user);
                }
                if (expected != null && !expected.equals(user)) {
                    errors.add(where + " connects (" + prefix + URL + ") as " + user + ", not as its own role " + expected);
                }
                container.get().path("env").forEach(entry -> {
                    JsonNode secret = entry.path("valueFrom").path("secretKeyRef");
                    String name = entry.path("name").asText();
                    boolean password = prefix.isEmpty() ? PASSWORD_VARIABLES.contains(name) : name.equals(prefix + "POSTGRES_PASSWORD");
                    if (password && secret.has("name")) {
                        usersOfSecret.computeIfAbsent(secret.path("name").asText(), n -> new TreeMap<>())
                                .computeIfAbsent(role, r -> new TreeSet<>()).add(where);
                    }
                });
            }
        }
        Map<String, Set<String>> secretsOfUser = new TreeMap<>();
        usersOfSecret.forEach((secret, users) -> {
            if (users.size() > 1) {
                errors.add("Secret " + secret + " is the Postgres password of " + users + ": each role of each database connects with its own");
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

    /**
     * The role a workload must connect as: a FlinkDeployment its job's (or the job it runs again, {@link #OTHER_RUNS}), a
     * Deployment the one {@link #DEPLOYMENT_ROLES} names; null when any non-superuser will do (the migration Job).
     */
    private static String expectedRole(ObjectNode document, Manifests manifests, List<String> errors) {
        String where = Manifests.label(document);
        String kind = document.path("kind").asText();
        if (kind.equals("Deployment")) {
            DatabaseRole role = DEPLOYMENT_ROLES.get(Manifests.nameOf(document));
            if (role == null) {
                errors.add(where + " connects to Postgres, but has no role: add it to DEPLOYMENT_ROLES (and its role to the migration)");
                return null;
            }
            return role.roleName();
        }
        if (!kind.equals("FlinkDeployment")) {
            return null;
        }
        String job = OTHER_RUNS.getOrDefault(Manifests.nameOf(document), Manifests.nameOf(document));
        if (!job.equals(Manifests.nameOf(document))) {
            String entryClass = document.path("spec").path("job").path("entryClass").asText();
            String jobsClass = manifests.find("FlinkDeployment", job).map(other -> other.path("spec").path("job").path("entryClass").asText())
                    .orElse("(no FlinkDeployment " + job + ")");
            if (!entryClass.equals(jobsClass)) {
                errors.add(where + " runs " + entryClass + ", not " + job + "'s " + jobsClass + ": it is no other run of " + job);
            }
        }
        return DatabaseRole.ofJob(job).map(DatabaseRole::roleName).orElse("(no role: add one to V6 and DatabaseRole)");
    }

    private static boolean connectsToPostgres(JsonNode container, Manifests manifests) {
        return !prefixes(Variable.of(container, manifests)).isEmpty();
    }

    /** The prefixes of the databases a container connects to: "" for POSTGRES_URL, "ALLOCATION_" for ALLOCATION_POSTGRES_URL. */
    private static Set<String> prefixes(List<Variable> variables) {
        Set<String> prefixes = new TreeSet<>();
        variables.stream().map(Variable::name).filter(name -> name.endsWith(URL))
                .forEach(name -> prefixes.add(name.substring(0, name.length() - URL.length())));
        return prefixes;
    }

    /** The database a prefix's URL names (host, port and database, without parameters), or the variable when its value is unknown. */
    private static String database(List<Variable> variables, String prefix) {
        return last(variables, prefix + URL).map(url -> url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*$", ""))
                .orElse(prefix + URL);
    }

    private static Optional<String> last(List<Variable> variables, String name) {
        String value = null;
        for (Variable variable : variables) {
            if (variable.name().equals(name)) {
                value = variable.value();
            }
        }
        return Optional.ofNullable(value);
    }

    /** {@code --postgres.user} of the job's arguments, else the last POSTGRES_USER, else the jobs' default. */
    private static String user(JsonNode document, List<Variable> variables) {
        List<String> args = new ArrayList<>();
        document.path("spec").path("job").path("args").forEach(arg -> args.add(arg.asText()));
        int given = args.indexOf("--postgres.user");
        if (given >= 0 && given + 1 < args.size()) {
            return args.get(given + 1);
        }
        return last(variables, "POSTGRES_USER").orElse(JOBS_DEFAULT_USER);
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
