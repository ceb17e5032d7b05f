package com.globeco.trading.operators.sinks;

import com.globeco.trading.allocation.AccountingLine;
import com.globeco.trading.allocation.Allocation;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Portfolio Accounting CLI input files. A file is written while hidden (a leading dot, an
 * in-progress suffix) and appears as {@code allocations-<uuid>-<n>.csv} only when the checkpoint
 * that covers its lines completes; after a failure the unfinished file is discarded and its lines
 * are written again from the checkpoint, so each allocation lands in exactly one visible file.
 */
public final class AccountingFiles {
    public static final String PREFIX = "allocations";
    public static final String SUFFIX = ".csv";

    private AccountingFiles() {}

    public static FileSink<Allocation> sink(String directory) {
        return FileSink.forBulkFormat(new Path(directory), new CsvWithHeader())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix(PREFIX).withPartSuffix(SUFFIX).build())
                .build();
    }

    private static final class CsvWithHeader implements BulkWriter.Factory<Allocation> {
        @Override
        public BulkWriter<Allocation> create(FSDataOutputStream out) throws IOException {
            write(out, AccountingLine.HEADER);
            return new BulkWriter<>() {
                @Override
                public void addElement(Allocation allocation) throws IOException {
                    write(out, allocation.line().csv());
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void finish() throws IOException {
                    out.flush();
                }
            };
        }

        private static void write(FSDataOutputStream out, String line) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
