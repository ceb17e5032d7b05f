package com.globeco.trading.schema.audit;

import java.io.Writer;
import java.util.Arrays;
import java.util.Optional;

/** How the command writes the rows: the table to read, unless {@code --export csv} or {@code --export jsonl}. */
public enum ExportFormat {
    TABLE {
        @Override
        public RowWriter writer(Writer out) {
            return new TableWriter(out);
        }
    },
    CSV {
        @Override
        public RowWriter writer(Writer out) {
            return new CsvWriter(out);
        }
    },
    JSONL {
        @Override
        public RowWriter writer(Writer out) {
            return new JsonLinesWriter(out);
        }
    };

    public abstract RowWriter writer(Writer out);

    /** The export {@code --export} names: csv or jsonl. */
    public static Optional<ExportFormat> exportNamed(String name) {
        return Arrays.stream(values()).filter(format -> format != TABLE && format.name().equalsIgnoreCase(name)).findFirst();
    }
}
