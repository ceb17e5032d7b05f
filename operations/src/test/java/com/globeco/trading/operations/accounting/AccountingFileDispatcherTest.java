package com.globeco.trading.operations.accounting;

import com.globeco.trading.testkit.accounting.PortfolioAccountingCliSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountingFileDispatcherTest {
    private static final String HEADER = "portfolio_id,security_id,source_id,transaction_type,quantity,price,transaction_date";
    @TempDir
    Path directory;

    @Test
    void handsEachCompleteFileToTheCommandOnce() throws Exception {
        Path complete = Files.writeString(directory.resolve("allocations-a-0.csv"), "header\n");
        Files.writeString(directory.resolve(".allocations-a-1.csv.inprogress.123"), "header\n");
        Path received = Files.createDirectory(directory.resolve("received"));
        AccountingFileDispatcher dispatcher = dispatcher(List.of("sh", "-c", "cp \"$1\" \"$2\"", "sh", "{file}", received.toString()),
                Clock.systemUTC());

        List<AccountingFileDispatcher.Result> first = dispatcher.dispatchPending();
        List<AccountingFileDispatcher.Result> second = dispatcher.dispatchPending();

        assertThat(first).singleElement().satisfies(result -> {
            assertThat(result.file()).isEqualTo(complete);
            assertThat(result.sent()).isTrue();
        });
        assertThat(second).isEmpty();
        assertThat(received.resolve("allocations-a-0.csv")).exists();
        assertThat(AccountingFileDispatcher.marker(complete)).exists();
    }

    @Test
    void aFailingCommandKeepsTheFileAndIsRetriedAfterAPause() throws Exception {
        Path file = Files.writeString(directory.resolve("allocations-b-0.csv"), "header\n");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
        AccountingFileDispatcher dispatcher = dispatcher(List.of("sh", "-c", "echo rejected; exit 3", "sh", "{file}"), clock);

        assertThat(dispatcher.dispatchPending()).singleElement()
                .satisfies(result -> assertThat(result.detail()).isEqualTo("exit 3: rejected"));
        assertThat(dispatcher.dispatchPending()).as("not due yet").isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(dispatcher.dispatchPending()).singleElement().satisfies(result -> assertThat(result.sent()).isFalse());
        assertThat(file).exists();
        assertThat(AccountingFileDispatcher.marker(file)).doesNotExist();
    }

    @Test
    void aCommandThatHangsTimesOutAndTheFileWaitsForTheNextAttempt() throws Exception {
        Path file = Files.writeString(directory.resolve("allocations-c-0.csv"), "header\n");
        AccountingFileDispatcher dispatcher = new AccountingFileDispatcher(directory,
                List.of("sh", "-c", "echo started; exec sleep 30", "sh", "{file}"), Duration.ofMillis(500), Duration.ofSeconds(1),
                Clock.systemUTC());

        long started = System.nanoTime();
        List<AccountingFileDispatcher.Result> results = dispatcher.dispatchPending();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.sent()).isFalse();
            assertThat(result.detail()).startsWith("timed out");
        });
        assertThat(AccountingFileDispatcher.marker(file)).doesNotExist();
    }

    @Test
    void linesTheCliRejectsAreReportedAndResentAloneOnceCorrected() throws Exception {
        String good = "684f125ac19ad4fb89bc14ba,68336002fe95851f0a2aeda9,AC27,BUY,1000,190.4096,20250527";
        String bad = good.replace("AC27", "AC28").replace("190.4096", "0");
        Path file = Files.write(directory.resolve("allocations-d-0.csv"), List.of(HEADER, good, bad, good.replace("AC27", "AC29")));
        List<RejectedLine> reported = new java.util.ArrayList<>();
        AccountingFileDispatcher dispatcher = new AccountingFileDispatcher(directory, simulatedCli(), Duration.ofSeconds(60), Duration.ofSeconds(1),
                Clock.systemUTC(), reported::add);

        AccountingFileDispatcher.Result result = dispatcher.dispatchPending().get(0);

        assertThat(result.sent()).as("the CLI exits 0 with a rejected line").isTrue();
        assertThat(result.rejected()).singleElement().satisfies(line -> {
            assertThat(line.sourceId()).isEqualTo("AC28");
            assertThat(line.line()).isEqualTo(bad);
            assertThat(line.error()).contains("price");
        });
        assertThat(reported).isEqualTo(result.rejected());
        assertThat(Files.readString(AccountingFileDispatcher.marker(file))).contains("1 lines rejected");

        Path errors = dispatcher.errorFile(file);
        Files.writeString(errors, Files.readString(errors).replace(",0,20250527", ",190.5,20250527"));
        Path resent = AccountingResend.resend(errors, directory, Clock.systemUTC());
        AccountingFileDispatcher.Result again = dispatcher.dispatchPending().get(0);

        assertThat(Files.readAllLines(resent)).as("only the rejected line, corrected").containsExactly(HEADER, bad.replace(",0,", ",190.5,"));
        assertThat(again.file()).isEqualTo(resent);
        assertThat(again.sent()).isTrue();
        assertThat(again.rejected()).isEmpty();
        assertThat(dispatcher.dispatchPending()).isEmpty();
    }

    private static List<String> simulatedCli() {
        return List.of(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                PortfolioAccountingCliSimulator.class.getName(), "process", "--file", "{file}", "--output-dir", "{output-dir}");
    }

    private AccountingFileDispatcher dispatcher(List<String> command, Clock clock) {
        return new AccountingFileDispatcher(directory, command, Duration.ofSeconds(30), Duration.ofSeconds(1), clock);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
