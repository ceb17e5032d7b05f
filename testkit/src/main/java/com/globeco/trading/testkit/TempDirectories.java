package com.globeco.trading.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.utils.Utils;

/** Directories under java.io.tmpdir, which tests point at target/tmp. */
final class TempDirectories {

    private TempDirectories() {
    }

    static Path create(String prefix) {
        try {
            Path root = Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
