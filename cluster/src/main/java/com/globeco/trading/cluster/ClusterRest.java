package com.globeco.trading.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The JobManager's REST API, as the web UI and the Kubernetes operator use it: jars uploaded and run, jobs watched,
 * stopped with a savepoint, TaskManagers counted.
 */
public final class ClusterRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ClusterRest(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** Whether the REST API answers at all. */
    public boolean isUp() throws InterruptedException {
        try {
            get("/overview");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int taskManagers() throws IOException, InterruptedException {
        return get("/taskmanagers").path("taskmanagers").size();
    }

    /** Uploads a job jar; returns its id for {@link #run}. */
    public String upload(Path jar) throws IOException, InterruptedException {
        String boundary = "----globeco" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName()
                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(jar));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode answer = send(HttpRequest.newBuilder(base.resolve("/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        return Path.of(answer.path("filename").asText()).getFileName().toString();
    }

    /** Runs an uploaded jar's entry class with its arguments, from a savepoint when one is given; returns the job id. */
    public String run(String jarId, String entryClass, List<String> arguments, int parallelism, String savepoint)
            throws IOException, InterruptedException {
        return run(jarId, entryClass, arguments, parallelism, savepoint, Map.of());
    }

    /** The same, with the job's own settings over the cluster's (a checkpoint interval, say). */
    public String run(String jarId, String entryClass, List<String> arguments, int parallelism, String savepoint,
                      Map<String, String> settings) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("entryClass", entryClass).put("parallelism", parallelism);
        arguments.forEach(request.putArray("programArgsList")::add);
        ObjectNode configuration = request.putObject("flinkConfiguration");
        settings.forEach(configuration::put);
        if (savepoint != null) {
            request.put("savepointPath", savepoint).put("allowNonRestoredState", false);
        }
        return post("/jars/" + jarId + "/run", request).path("jobid").asText();
    }

    /** The job's state: CREATED, RUNNING, RESTARTING, FAILED, FINISHED, ... */
    public String jobState(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** Each vertex's name and its current parallelism, in the job graph's order. */
    public LinkedHashMap<String, Integer> vertexParallelism(String jobId) throws IOException, InterruptedException {
        LinkedHashMap<String, Integer> parallelism = new LinkedHashMap<>();
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            parallelism.put(vertex.path("name").asText(), vertex.path("parallelism").asInt());
        }
        return parallelism;
    }

    /** Whether every subtask of the job runs (a job is RUNNING while its tasks still deploy and restore). */
    public boolean allTasksRunning(String jobId) throws IOException, InterruptedException {
        JsonNode job = get("/jobs/" + jobId);
        if (!job.path("state").asText().equals("RUNNING")) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            if (!vertex.path("status").asText().equals("RUNNING")) {
                return false;
            }
        }
        return true;
    }

    /** The resource ids of the TaskManagers the job's subtasks run on. */
    public Set<String> taskManagersOf(String jobId) throws IOException, InterruptedException {
        Set<String> taskManagers = new TreeSet<>();
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            for (JsonNode taskManager : get("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/taskmanagers").path("taskmanagers")) {
                taskManagers.add(taskManager.path("taskmanager-id").asText());
            }
        }
        return taskManagers;
    }

    /** The id of the checkpoint the job last restored from, or -1 if it never restored. */
    public long restoredCheckpoint(String jobId) throws IOException, InterruptedException {
        JsonNode restored = get("/jobs/" + jobId + "/checkpoints").path("latest").path("restored");
        return restored.isMissingNode() || restored.isNull() ? -1 : restored.path("id").asLong();
    }

    /** The failures the job recovered from or died of, newest first: each root cause's text. */
    public List<String> failures(String jobId) throws IOException, InterruptedException {
        List<String> failures = new java.util.ArrayList<>();
        get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries")
                .forEach(entry -> failures.add(entry.path("exceptionName").asText() + ": " + entry.path("stacktrace").asText().lines().findFirst().orElse("")));
        return failures;
    }

    /** Cancels the job: no savepoint, its last checkpoint remains. */
    public void cancel(String jobId) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "?mode=cancel")).method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    /** Stops the job with a canonical savepoint in {@code directory}; returns the savepoint's path once it is written. */
    public String stopWithSavepoint(String jobId, URI directory, Duration patience) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("targetDirectory", directory.toString()).put("drain", false);
        String trigger = post("/jobs/" + jobId + "/stop", request).path("request-id").asText();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = get("/jobs/" + jobId + "/savepoints/" + trigger);
            if (status.path("status").path("id").asText().equals("COMPLETED")) {
                JsonNode operation = status.path("operation");
                if (operation.has("failure-cause")) {
                    throw new IOException("the savepoint failed: " + operation.path("failure-cause"));
                }
                return operation.path("location").asText();
            }
            Thread.sleep(200);
        }
        throw new IOException("no savepoint of " + jobId + " within " + patience);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IOException("the JobManager at " + base + " does not answer", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(response.request().method() + " " + response.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
