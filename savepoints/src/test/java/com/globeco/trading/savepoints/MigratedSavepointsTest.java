package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.TestFlink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A savepoint migrated from a release before typed state names none of that release's state classes: the deployed job
 * jar, which does not carry them (they live in the {@code state-0.1.0} module, on the migration's classpath only),
 * restores it. The golden savepoints are small enough for Flink to keep their state inline in {@code _metadata}, where
 * every serializer snapshot names its class.
 */
class MigratedSavepointsTest {
    private static final String[] CLASSES_OF_0_1_0 = {"positions.TradeEvent", "positions.PositionState", "positions.MarketPrice",
            "positions.JournalEntry", "positions.BackdatedTrade", "positions.ReplayRequest", "positions.ContractRetry", "fills.SourceMessage",
            "fills.InboundFill", "fills.PendingFill"};

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 2);

    static Stream<Path> migratedGoldens() throws Exception {
        return GoldenSavepoint.all().filter(directory -> !GoldenSavepoint.isInTodaysTypes(directory));
    }

    @ParameterizedTest
    @MethodSource("migratedGoldens")
    void theMigratedSavepointNamesNoClassOfTheOldRelease(Path golden) throws Exception {
        String before = Files.readString(Path.of(URI.create(GoldenSavepoint.savepoint(golden))).resolve("_metadata"), StandardCharsets.ISO_8859_1);
        String after = Files.readString(Path.of(URI.create(GoldenSavepoint.inTodaysTypes(golden))).resolve("_metadata"),
                StandardCharsets.ISO_8859_1);

        assertThat(before).as("the golden savepoint itself names them").containsAnyOf(CLASSES_OF_0_1_0);
        assertThat(after).as("migrated %s", golden).doesNotContain(CLASSES_OF_0_1_0);
    }
}
