package com.globeco.trading.schema.audit;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * JSON lines: one object per row, its keys the column names in the columns' order, each line ended by LF. Numbers are
 * JSON numbers with every digit kept, booleans booleans, instants ISO-8601 strings in UTC, dates ISO-8601 strings, JSON
 * columns (an event's payload, a trail item's detail) embedded as JSON, not as strings; a null is null.
 */
public final class JsonLinesWriter implements RowWriter {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final Writer out;
    private List<Column> columns = List.of();

    public JsonLinesWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void header(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    @Override
    public void row(List<?> values) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        for (int index = 0; index < values.size(); index++) {
            put(line, columns.get(index), values.get(index));
        }
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private static void put(ObjectNode line, Column column, Object value) throws IOException {
        if (value == null) {
            line.putNull(column.name());
            return;
        }
        switch (column.type()) {
            case NUMBER:
                line.set(column.name(), DecimalNode.valueOf((BigDecimal) value));
                break;
            case BOOLEAN:
                line.put(column.name(), (Boolean) value);
                break;
            case JSON:
                line.set(column.name(), JSON.readTree((String) value));
                break;
            default:
                line.put(column.name(), column.type().text(value));
        }
    }
}
