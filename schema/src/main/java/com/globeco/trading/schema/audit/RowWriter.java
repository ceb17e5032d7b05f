package com.globeco.trading.schema.audit;

import java.io.IOException;
import java.util.List;

/** Where an audit query's rows go: its columns first, then each row's values (of the columns' types), then the end. */
public interface RowWriter {

    void header(List<Column> columns) throws IOException;

    void row(List<?> values) throws IOException;

    /** Everything written is out (flushed); the output itself stays open. */
    void finish() throws IOException;
}
