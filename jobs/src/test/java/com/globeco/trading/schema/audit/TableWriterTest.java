package com.globeco.trading.schema.audit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The table to read: a header and one tab-separated line per row, whatever a value holds. */
class TableWriterTest {

    @Test
    void aRowStaysOneLineAndANullIsEmpty() throws IOException {
        StringWriter out = new StringWriter();
        TableWriter table = new TableWriter(out);
        table.header(List.of(new Column("n", ColumnType.NUMBER), new Column("at", ColumnType.INSTANT), new Column("note", ColumnType.TEXT),
                new Column("none", ColumnType.TEXT)));
        table.row(Arrays.asList(new BigDecimal("7"), Instant.parse("2030-03-01T09:00:00Z"), "a\tb\r\nc \\ d", null));
        table.finish();

        assertThat(out.toString()).isEqualTo("n\tat\tnote\tnone\n7\t2030-03-01T09:00:00Z\ta\\tb\\r\\nc \\\\ d\t\n");
    }
}
