package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.RunningJob;
import com.globeco.trading.jobs.TestFlink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden savepoints under {@code src/test/resources/golden/<job>/<version>/}: a savepoint a released
 * build took of a short deterministic run ({@code savepoint/}), its state as that build read it
 * ({@code state.jsonl}, {@link JobState}) and when it was taken ({@code taken-at}). Every later build must read the
 * same state and restore from it. Both are done with the state's time-to-live judged at the time the savepoint was
 * taken, as a job upgraded from it then would see it, so the gate holds on any day it runs.
 */
final class GoldenSavepoint {
    static final Path ROOT = Path.of("src/test/resources/golden");
    private static final String TAKEN_AT = "taken-at";
    private static final java.time.Duration QUIET = java.time.Duration.ofSeconds(5);

    private GoldenSavepoint() {}

    static Path directory(JobState job, String version) {
        return ROOT.resolve(job.job()).resolve(version);
    }

    /** Every golden savepoint with its export, as {@code <job>/<version>} directories. */
    static Stream<Path> all() throws IOException {
        try (Stream<Path> files = Files.find(ROOT, 3, (path, attributes) -> path.getFileName().toString().equals("state.jsonl"))) {
            return files.map(Path::getParent).sorted().toList().stream();
        }
    }

    static JobState job(Path directory) {
        return JobState.of(directory.getParent().getFileName().toString());
    }

    static String savepoint(Path directory) {
        return directory.resolve("savepoint").toAbsolutePath().toUri().toString();
    }

    static List<String> exported(Path directory) throws IOException {
        return Files.readAllLines(directory.resolve("state.jsonl"));
    }

    /** When the savepoint was taken: its time-to-live is judged then. */
    static Instant takenAt(Path directory) throws IOException {
        return Instant.parse(Files.readString(directory.resolve(TAKEN_AT)).strip());
    }

    static List<String> read(Path directory) throws Exception {
        return job(directory).rows(ConfirmationSavepoint.readerEnvironment(TestFlink.configuration()), savepoint(directory), takenAt(directory));
    }

    /** A job environment that restores from the golden savepoint when it was taken, refusing state it cannot map. */
    static StreamExecutionEnvironment restoring(Path directory) throws IOException {
        return restoringAt(directory, takenAt(directory));
    }

    /** A job environment that restores from the golden savepoint as if at {@code instant}, refusing state it cannot map. */
    static StreamExecutionEnvironment restoringAt(Path directory, Instant instant) {
        return StreamExecutionEnvironment.getExecutionEnvironment(
                TimeToLiveJudgedAtFactory.judgingAt(TestFlink.restoringConfiguration(savepoint(directory)), instant));
    }

    /**
     * Stops the job with a canonical savepoint into {@code directory/savepoint} and exports its state next to it.
     * It waits for a few quiet checkpoints first, so that no Kafka transaction with records is pending in the
     * savepoint: the test restores against a fresh broker, which cannot commit a transaction of the one that
     * wrote it (a real upgrade restores against the same broker, where committing again is a no-op).
     */
    static void write(RunningJob job, Path directory) throws Exception {
        Thread.sleep(QUIET.toMillis());
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(TAKEN_AT), Instant.now() + "\n");
        Path written = Path.of(URI.create(job.stopWithSavepoint(directory.resolve("tmp").toAbsolutePath().toUri().toString())));
        Files.move(written, directory.resolve("savepoint"));
        Files.delete(directory.resolve("tmp"));
        List<String> exported = read(directory);
        if (exported.isEmpty()) {
            throw new IllegalStateException("the golden run left no state to prove anything with: " + directory);
        }
        Files.write(directory.resolve("state.jsonl"), exported);
    }
}
