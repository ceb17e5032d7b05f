package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.RunningJob;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.savepoints.migration.MigrateState;
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
    /** The releases whose savepoints hold state in the classes before dates, instants and kinds were typed. */
    private static final java.util.Set<String> BEFORE_TYPED_STATE = java.util.Set.of("v1", "0.1.0");
    private static final Path MIGRATED_ROOT = Path.of("target/migrated-goldens");
    private static final java.util.Map<Path, String> MIGRATED = new java.util.HashMap<>();

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

    /**
     * The golden savepoint with its state in today's types: one of a release before the state was typed is migrated
     * ({@link MigrateState}) once a run, as of when it was taken, as an upgrade from it would be.
     */
    static synchronized String inTodaysTypes(Path directory) throws Exception {
        String version = directory.getFileName().toString();
        if (isInTodaysTypes(directory)) {
            return savepoint(directory);
        }
        String known = MIGRATED.get(directory);
        if (known != null) {
            return known;
        }
        Path target = MIGRATED_ROOT.resolve(job(directory).job()).resolve(version).toAbsolutePath();
        if (Files.exists(target)) {
            try (Stream<Path> written = Files.walk(target)) {
                written.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        String migrated = MigrateState.migrate(job(directory), savepoint(directory), target.toUri().toString(), takenAt(directory),
                TestFlink.configuration()) ? target.toUri().toString() : savepoint(directory);
        MIGRATED.put(directory, migrated);
        return migrated;
    }

    /** Whether the golden savepoint's state is in today's classes already: one of a release after state was typed. */
    static boolean isInTodaysTypes(Path directory) {
        return !BEFORE_TYPED_STATE.contains(directory.getFileName().toString());
    }

    static List<String> read(Path directory) throws Exception {
        return job(directory).rows(ConfirmationSavepoint.readerEnvironment(TestFlink.configuration()), inTodaysTypes(directory),
                takenAt(directory));
    }

    /** A job environment that restores from the golden savepoint when it was taken, refusing state it cannot map. */
    static StreamExecutionEnvironment restoring(Path directory) throws Exception {
        return restoringAt(directory, takenAt(directory));
    }

    /** A job environment that restores from the golden savepoint as if at {@code instant}, refusing state it cannot map. */
    static StreamExecutionEnvironment restoringAt(Path directory, Instant instant) throws Exception {
        return StreamExecutionEnvironment.getExecutionEnvironment(
                TimeToLiveJudgedAtFactory.judgingAt(TestFlink.restoringConfiguration(inTodaysTypes(directory)), instant));
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
