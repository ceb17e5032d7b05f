package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.TestFlink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
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

    @ParameterizedTest
    @MethodSource("goldens")
    void todaysCodeReadsTheStateTheGoldenSavepointsBuildExported(Path golden) throws Exception {
        assertThat(GoldenSavepoint.read(golden)).as("state of %s", golden).containsExactlyElementsOf(GoldenSavepoint.exported(golden));
    }
}
