package com.globeco.trading.schema.audit;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV export against RFC 4180, read back by an independent parser (Jackson's). */
class CsvWriterTest {
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.EMPTY_UNQUOTED_STRING_AS_NULL)
            .build();

    @Test
    void aFieldIsQuotedOnlyWhenItHoldsACommaAQuoteOrALineBreakOrIsEmpty() {
        assertThat(CsvWriter.field("plain text; with 'single' quotes")).isEqualTo("plain text; with 'single' quotes");
        assertThat(CsvWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.field("one\ntwo")).isEqualTo("\"one\ntwo\"");
        assertThat(CsvWriter.field("one\rtwo")).isEqualTo("\"one\rtwo\"");
        assertThat(CsvWriter.field("")).isEqualTo("\"\"");
    }

    @Test
    void recordsEndInCrLfAndANullIsAnEmptyField() throws IOException {
        String csv = write(List.of(new Column("a", ColumnType.TEXT), new Column("b", ColumnType.TEXT)), Arrays.asList(null, "x"));

        assertThat(csv).isEqualTo("a,b\r\n,x\r\n");
    }

    @Test
    void everyTextComesBackAsItWasWrittenNullAndEmptyApart() throws IOException {
        List<String> texts = Arrays.asList("plain", "a,b", "say \"hi\"", "\"", "\"\"", "one\r\ntwo", "one\ntwo", "trailing\r",
                " spaced ", "", null, "é, ü — ✓", ",", "=1+1");
        List<Column> columns = IntStream.range(0, texts.size()).mapToObj(index -> new Column("c" + index, ColumnType.TEXT)).toList();

        List<List<String>> records = read(write(columns, texts));

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).isEqualTo(columns.stream().map(Column::name).toList());
        assertThat(records.get(1)).isEqualTo(texts);
    }

    @Test
    void typedValuesAreWrittenAsTheirText() throws IOException {
        List<Column> columns = List.of(new Column("n", ColumnType.NUMBER), new Column("at", ColumnType.INSTANT),
                new Column("day", ColumnType.DATE), new Column("ok", ColumnType.BOOLEAN), new Column("json", ColumnType.JSON));

        List<List<String>> records = read(write(columns, List.of(new BigDecimal("100.50000000"), Instant.parse("2030-03-01T09:00:00Z"),
                LocalDate.of(2030, 3, 1), true, "{\"a\": [1, \"x,y\"]}")));

        assertThat(records.get(1)).containsExactly("100.50000000", "2030-03-01T09:00:00Z", "2030-03-01", "true", "{\"a\": [1, \"x,y\"]}");
    }

    static List<List<String>> read(String csv) throws IOException {
        try (MappingIterator<List<String>> records = CSV.readerForListOf(String.class).readValues(csv)) {
            return records.readAll();
        }
    }

    private static String write(List<Column> columns, List<?> row) throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter writer = new CsvWriter(out);
        writer.header(columns);
        writer.row(row);
        writer.finish();
        return out.toString();
    }
}
