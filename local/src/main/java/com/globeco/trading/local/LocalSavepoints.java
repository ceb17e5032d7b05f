package com.globeco.trading.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the local platform keeps each job's savepoints ({@code <data-dir>/savepoints/<job>/}) and which one is the
 * latest ({@code <data-dir>/savepoints/<job>.latest}), so {@code ./platform run --resume} starts each job where the
 * last stop left it.
 */
final class LocalSavepoints {
    private final Path root;

    LocalSavepoints(Path dataDirectory) {
        this.root = dataDirectory.resolve("savepoints");
    }

    Path directoryOf(String job) {
        return root.resolve(job);
    }

    Optional<String> latest(String job) {
        Path latest = root.resolve(job + ".latest");
        try {
            return Files.exists(latest) ? Optional.of(Files.readString(latest, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    void record(String job, String savepoint) {
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve(job + ".latest"), savepoint + "\n", StandardCharsets.UTF_8);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
