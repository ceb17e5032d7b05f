package com.globeco.trading.local;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the terminal for progress lines: standard output is pointed at a log file before
 * logging starts, so the JSON log lines land there, and the real terminal is handed back.
 */
public final class ConsoleAndLogFile {
    private ConsoleAndLogFile() {}

    public static PrintStream redirectStdoutTo(Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        PrintStream terminal = System.out;
        System.setOut(new PrintStream(new FileOutputStream(logFile.toFile(), true), true, StandardCharsets.UTF_8));
        return terminal;
    }
}
