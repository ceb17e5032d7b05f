package com.globeco.trading.schema.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON-lines export, read back with Jackson: one object a line, numbers and embedded JSON kept. */
class JsonLinesWriterTest {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private static final List<Column> COLUMNS = List.of(new Column("amount", ColumnType.NUMBER), new Column("version", ColumnType.NUMBER),
            new Column("ok", ColumnType.BOOLEAN), new Column("at", ColumnType.INSTANT), new Column("day", ColumnType.DATE),
            new Column("text", ColumnType.TEXT), new Column("payload", ColumnType.JSON), new Column("none", ColumnType.TEXT));

    @Test
    void eachRowIsOneObjectWhoseKeysAreTheColumnsInOrder() throws IOException {
        List<String> lines = write(row("first"), row("second\nline"));

        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).fieldNames()).toIterable().containsExactly("amount", "version", "ok", "at", "day", "text", "payload", "none");
        assertThat(JSON.readTree(lines.get(1)).get("text").asText()).isEqualTo("second\nline");
    }

    @Test
    void numbersAreNumbersWithEveryDigitAndJsonIsEmbedded() throws IOException {
        String line = write(row("x")).get(0);
        JsonNode node = JSON.readTree(line);

        assertThat(node.get("amount").isNumber()).isTrue();
        assertThat(node.get("amount").decimalValue()).isEqualTo(new BigDecimal("1234567890.123456789012"));
        assertThat(line).contains("\"amount\":1234567890.123456789012", "\"version\":42,", "\"quantity\":100.50");
        assertThat(node.get("version").isIntegralNumber()).isTrue();
        assertThat(node.get("ok").isBoolean()).isTrue();
        assertThat(node.get("at").asText()).isEqualTo("2030-03-01T09:00:00.250Z");
        assertThat(node.get("day").asText()).isEqualTo("2030-03-01");
        assertThat(node.get("payload").isObject()).isTrue();
        assertThat(node.get("payload").get("quantity").decimalValue()).isEqualTo(new BigDecimal("100.50"));
        assertThat(node.get("payload").get("lots").get(1).get("note").asText()).isEqualTo("a, \"b\"");
        assertThat(node.get("none").isNull()).isTrue();
    }

    private static List<Object> row(String text) {
        return Arrays.asList(new BigDecimal("1234567890.123456789012"), new BigDecimal(42), true, Instant.parse("2030-03-01T09:00:00.250Z"),
                LocalDate.of(2030, 3, 1), text, "{\"quantity\": 100.50, \"lots\": [1, {\"note\": \"a, \\\"b\\\"\"}]}", null);
    }

    @SafeVarargs
    private static List<String> write(List<Object>... rows) throws IOException {
        StringWriter out = new StringWriter();
        JsonLinesWriter writer = new JsonLinesWriter(out);
        writer.header(COLUMNS);
        for (List<Object> row : rows) {
            writer.row(row);
        }
        writer.finish();
        assertThat(out.toString()).endsWith("\n");
        return out.toString().lines().toList();
    }
}
