package com.globeco.trading.jobs;

import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.fills.Violation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The dead-letter reasons are one list, and README.md publishes all of it. */
class DeadLetterReasonsTest {

    @Test
    void theReadmePublishesEveryReason() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));

        assertThat(DeadLetterReason.values()).allSatisfy(reason -> assertThat(readme).contains("`" + reason.name() + "`"));
    }

    @Test
    void everyFillRejectionHasItsReason() {
        assertThat(Arrays.stream(Violation.Category.values()).map(Violation.Category::deadLetterReason)).doesNotContainNull();
    }
}
