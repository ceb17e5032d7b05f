package com.globeco.trading.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.read.positions.PositionCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./platform position} prints what the API answers for the same position and dates. */
class PositionCommandTest {
    @RegisterExtension
    static final PositionsWorld.Shared WORLD = new PositionsWorld.Shared();

    @Test
    void printsThePositionTheApiAnswersNowAndAsOfADate() {
        String key = WORLD.world().provisionalKey();
        String day = PositionsWorld.TODAY.minusDays(2).toString();

        Printed now = run(key);
        Printed asOf = run(key, "--as-of", day);

        assertThat(now.status()).isZero();
        assertThat(now.out()).contains("position        " + key, "status          PROVISIONAL (provisional)", "outstanding backdated trades",
                "P-2\t" + PositionsWorld.TODAY.minusDays(4));
        assertThat(now.out()).contains(lotLines("/api/v1/positions/" + key));
        assertThat(asOf.status()).isZero();
        assertThat(asOf.out()).contains("as of " + day + ", as known at now");
        assertThat(asOf.out()).contains(lotLines("/api/v1/positions/" + key + "?asOf=" + day));
    }

    @Test
    void anUnknownPositionFailsAndABadCommandLineShowsTheUsage() {
        Printed unknown = run("ACC-NONE:NOTHING:USD");
        Printed badDate = run(WORLD.world().provisionalKey(), "--as-of", "2024-02-30");
        Printed badKey = run("nope");

        assertThat(unknown.status()).isOne();
        assertThat(unknown.err()).contains("no position ACC-NONE:NOTHING:USD");
        assertThat(badDate.status()).isEqualTo(2);
        assertThat(badDate.err()).contains("--as-of must be a date", "usage: position");
        assertThat(badKey.status()).isEqualTo(2);
    }

    /** The API's lots as the command's table lines. */
    private static String[] lotLines(String path) {
        JsonNode lots = Http.json(WORLD.world().http().get(path)).path("lots");
        return StreamSupport.stream(lots.spliterator(), false).map(lot -> String.join("\t", lot.path("lotId").asText(),
                lot.path("tradeDate").asText(), lot.path("costPrice").asText(), lot.path("quantity").asText(), lot.path("cost").asText(),
                lot.path("referencePrice").asText())).toArray(String[]::new);
    }

    private record Printed(int status, String out, String err) {}

    private static Printed run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PositionCommand.run(List.of(args), WORLD.world().auditEnvironment(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Printed(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
