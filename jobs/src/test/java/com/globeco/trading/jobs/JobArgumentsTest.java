package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Job arguments: a typo is an error at start, and every FlinkDeployment's arguments are ones its job knows. */
class JobArgumentsTest {
    private static final Map<String, Consumer<String[]>> JOBS = Map.of(
            FillConfirmationJob.class.getName(), FillConfirmationOptions::from,
            AllocationJob.class.getName(), AllocationOptions::from,
            TradeHotpathJob.class.getName(), TradeHotpathOptions::from);

    @Test
    void anUnknownArgumentFailsWithTheNamesTheJobKnows() {
        assertThatThrownBy(() -> TradeHotpathOptions.from("--hotpath.dedup-windw", "P7D"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown arguments [hotpath.dedup-windw]")
                .hasMessageContaining("hotpath.dedup-window");
        assertThatThrownBy(() -> FillConfirmationOptions.from("--execution-service.max-calls", "5"))
                .hasMessageContaining("execution-service.max-concurrent-calls");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fill-confirmation.yaml", "allocation.yaml", "trade-hotpath.yaml"})
    void everyDeploymentPassesItsJobOnlyArgumentsItKnows(String manifest) throws IOException {
        JsonNode job = flinkDeployment(Path.of("..", "k8s-operator", manifest)).path("spec").path("job");
        List<String> args = new ArrayList<>();
        job.path("args").forEach(arg -> args.add(arg.asText()));

        assertThat(JOBS).containsKey(job.path("entryClass").asText());
        JOBS.get(job.path("entryClass").asText()).accept(args.toArray(String[]::new));
    }

    private static JsonNode flinkDeployment(Path manifest) throws IOException {
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(manifest.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && "FlinkDeployment".equals(document.path("kind").asText())) {
                    return document;
                }
            }
        }
        throw new AssertionError(manifest + " holds no FlinkDeployment");
    }
}
