package com.globeco.trading.operations.accounting;

import com.globeco.trading.operators.sinks.AccountingFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Hands each complete Portfolio Accounting file to the CLI, once. A file the allocation job has
 * committed is visible as {@code allocations-*.csv}; the command (its {@code {file}} argument
 * replaced by the file's path, {@code {output-dir}} by {@code cli-output/} beside it) runs on it, its output goes to
 * {@code <file>.cli.log}, and success leaves a {@code .sent} marker beside it.
 * The CLI exits 0 even when it rejects lines: they are in its error file {@code cli-output/<file>.errors.csv}, and
 * each is reported ({@link RejectedLine}: a log line with its source id, and whatever {@code onRejected} does, a
 * dead letter in the dispatcher); the marker says how many. {@code ./platform accounting resend} sends them again,
 * corrected, as a file of their own. A failure of the whole file is logged with the exit code and output, and
 * retried with growing pauses; the file stays where it is either way.
 */
public final class AccountingFileDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AccountingFileDispatcher.class);
    static final String SENT = ".sent";
    static final String CLI_LOG = ".cli.log";
    static final String CLI_OUTPUT = "cli-output";

    /** A file handed over: sent (perhaps with some lines rejected) or not. */
    public record Result(Path file, boolean sent, String detail, List<RejectedLine> rejected) {}

    private final Path directory;
    private final List<String> command;
    private final Duration commandTimeout;
    private final Duration firstRetry;
    private final Clock clock;
    private final Map<Path, Attempts> failures = new HashMap<>();
    private final ReentrantLock passes = new ReentrantLock();
    private final Consumer<RejectedLine> onRejected;

    public AccountingFileDispatcher(Path directory, List<String> command, Duration commandTimeout, Duration firstRetry, Clock clock) {
        this(directory, command, commandTimeout, firstRetry, clock, rejected -> {});
    }

    /** @param onRejected told of each line the CLI rejected, after it is logged */
    public AccountingFileDispatcher(Path directory, List<String> command, Duration commandTimeout, Duration firstRetry, Clock clock,
                                    Consumer<RejectedLine> onRejected) {
        if (!command.contains("{file}")) {
            throw new IllegalArgumentException("the command must name the file as {file}: " + command);
        }
        this.directory = directory;
        this.command = List.copyOf(command);
        this.commandTimeout = commandTimeout;
        this.firstRetry = firstRetry;
        this.clock = clock;
        this.onRejected = onRejected;
    }

    /** One pass over the directory: every complete file not yet sent, and due, goes to the command. Waits for a pass under way. */
    public List<Result> dispatchPending() throws IOException {
        passes.lock();
        try {
            return pass(false);
        } finally {
            passes.unlock();
        }
    }

    /**
     * A pass asked for now (the Allocation API's {@code /send}): every complete file not yet sent goes to the command,
     * those waiting out a failure's pause too. Empty when a pass is under way: only one runs at a time, and a file's
     * marker is looked for inside it, so no file is sent twice.
     */
    public Optional<List<Result>> dispatchNow() throws IOException {
        if (!passes.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(pass(true));
        } finally {
            passes.unlock();
        }
    }

    private List<Result> pass(boolean evenIfPaused) throws IOException {
        List<Result> results = new ArrayList<>();
        for (Path file : pendingFiles()) {
            Attempts attempts = failures.get(file);
            if (evenIfPaused || attempts == null || !clock.instant().isBefore(attempts.notBefore)) {
                results.add(dispatch(file));
            }
        }
        return results;
    }

    List<Path> pendingFiles() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(AccountingFileDispatcher::isCompleteAccountingFile)
                    .filter(file -> !Files.exists(marker(file)))
                    .sorted()
                    .toList();
        }
    }

    static boolean isCompleteAccountingFile(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(AccountingFiles.PREFIX) && name.endsWith(AccountingFiles.SUFFIX) && Files.isRegularFile(file);
    }

    private Result dispatch(Path file) {
        Path output = directory.resolve(CLI_OUTPUT);
        List<String> invocation = command.stream().map(part -> part.replace("{file}", file.toAbsolutePath().toString())
                .replace("{output-dir}", output.toAbsolutePath().toString())).toList();
        String detail;
        boolean sent;
        Path log = commandLog(file);
        List<RejectedLine> rejected = List.of();
        try {
            Files.createDirectories(output);
            Files.deleteIfExists(errorFile(file));
            Process process = new ProcessBuilder(invocation).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            if (!process.waitFor(commandTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                detail = "timed out after " + commandTimeout;
                sent = false;
            } else {
                String printed = Files.readString(log, StandardCharsets.UTF_8).strip();
                sent = process.exitValue() == 0;
                detail = "exit " + process.exitValue() + (printed.isEmpty() ? "" : ": " + abbreviate(printed));
                rejected = sent ? RejectedLine.read(errorFile(file), file.getFileName().toString()) : List.of();
            }
        } catch (IOException e) {
            sent = false;
            detail = "could not run " + invocation.get(0) + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(file, false, "interrupted", List.of());
        }
        if (sent) {
            report(rejected);
            markSent(file, rejected.isEmpty() ? detail : rejected.size() + " lines rejected (" + directory.relativize(errorFile(file)) + "); " + detail);
        } else {
            Attempts attempts = failures.merge(file, new Attempts(1, clock.instant().plus(firstRetry)), this::next);
            LOG.error("Portfolio Accounting CLI failed on {} (attempt {}, next after {}): {}",
                    file.getFileName(), attempts.count, attempts.notBefore, detail);
        }
        return new Result(file, sent, detail, rejected);
    }

    private void report(List<RejectedLine> rejected) {
        for (RejectedLine line : rejected) {
            LOG.error("Portfolio Accounting CLI rejected source_id {} ({} line {}): {}", line.sourceId(), line.file(), line.row(), line.error());
            onRejected.accept(line);
        }
    }

    /** Where the CLI lists the lines of a file it rejected. */
    Path errorFile(Path file) {
        return directory.resolve(CLI_OUTPUT).resolve(file.getFileName() + ".errors.csv");
    }

    private void markSent(Path file, String detail) {
        failures.remove(file);
        try {
            Files.writeString(marker(file), clock.instant() + " " + detail + "\n");
            LOG.info("Portfolio Accounting CLI accepted {}: {}", file.getFileName(), detail);
        } catch (IOException e) {
            LOG.error("{} was sent but its marker could not be written; it will be sent again", file, e);
        }
    }

    private Attempts next(Attempts previous, Attempts ignored) {
        Duration pause = firstRetry.multipliedBy(1L << Math.min(previous.count, 10));
        Duration capped = pause.compareTo(Duration.ofMinutes(10)) > 0 ? Duration.ofMinutes(10) : pause;
        return new Attempts(previous.count + 1, clock.instant().plus(capped));
    }

    static Path marker(Path file) {
        return file.resolveSibling(file.getFileName() + SENT);
    }

    /** The CLI's output of the last attempt on a file, kept beside it. */
    static Path commandLog(Path file) {
        return file.resolveSibling(file.getFileName() + CLI_LOG);
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }

    private record Attempts(int count, Instant notBefore) {}
}
