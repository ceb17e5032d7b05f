package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.TestFlink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compatibility gate: today's classes, state descriptors and operator UIDs read every golden savepoint
 * to the state its build exported. A change to a state class, a state name or a UID without a migration
 * fails here. Regenerating a golden savepoint to make this pass would hide exactly the break it exists to
 * catch: new ones are added for a release, old ones stay (savepoints/README.md).
 */
class GoldenSavepointsTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 2);

    static Stream<Path> goldens() throws Exception {
        return GoldenSavepoint.all();
    }

    @Test
    void everyStatefulJobHasAGoldenSavepoint() throws Exception {
        assertThat(GoldenSavepoint.all().map(GoldenSavepoint::job).distinct()).containsExactlyInAnyOrder(JobState.values());
    }

    @Test
    void stateInspectShowsAPositionAndItsLotsAsATable() throws Exception {
        String golden = GoldenSavepoint.inTodaysTypes(GoldenSavepoint.directory(JobState.TRADE_HOTPATH, "0.1.0"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = InspectState.run(new String[] {"inspect", "trade-hotpath", golden, "ACC-G2:AAPL:USD", "--format", "table"},
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().map(String::stripTrailing)).containsExactly(
                "positionKey      version  status       latestEffectiveDate  taxLotMethod  provisionalSince",
                "ACC-G2:AAPL:USD  3        PROVISIONAL  2026-11-18           FIFO          1795660385504",
                "    lots (2): ids  tradeDays  prices       quantities  referencePrices",
                "              G-7  20775      11.00000000  7.50000000  14.75000000",
                "              G-8  20774      9.00000000   2.50000000  14.75000000",
                "    outstandingBackdatedTrades: {\"2\":\"G-8\"}",
                "    journal (1): {\"version\":3,\"resetPrice\":\"14.75\"}");
    }

    @Test
    void stateInspectJudgesTimeToLiveAtTheInstantItIsGiven() throws Exception {
        Path directory = GoldenSavepoint.directory(JobState.FILL_CONFIRMATION, "0.1.0");
        Instant takenAt = GoldenSavepoint.takenAt(directory);

        assertThat(inspect(directory, takenAt)).as("as the savepoint was taken").contains(
                "{\"executionServiceId\":10,\"knownQuantityFilled\":5306,\"knownVersion\":2,\"handledFills\":2,\"activeFill\":null,\"waitingFills\":0}");
        assertThat(inspect(directory, takenAt.plus(Duration.ofDays(8)))).as("a day after the 7-day ledgers expired").contains(
                "{\"executionServiceId\":10,\"knownQuantityFilled\":0,\"knownVersion\":0,\"handledFills\":0,\"activeFill\":null,\"waitingFills\":0}");
    }

    private static List<String> inspect(Path golden, Instant asOf) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = InspectState.run(new String[] {"inspect", "fill-confirmation", GoldenSavepoint.inTodaysTypes(golden), "10", "--as-of", asOf.toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void todaysCodeReadsTheStateTheGoldenSavepointsBuildExported(Path golden) throws Exception {
        assertThat(GoldenSavepoint.read(golden)).as("state of %s", golden).containsExactlyElementsOf(GoldenSavepoint.exported(golden));
    }
}
