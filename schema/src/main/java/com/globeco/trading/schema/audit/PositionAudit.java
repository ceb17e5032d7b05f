package com.globeco.trading.schema.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code ./platform audit}: the audit queries ({@link AuditQuery}) from the command line ({@link AuditCommandLine}).
 * The rows go to standard output as a table, or with {@code --export csv|jsonl} as CSV or JSON lines; with
 * {@code --out <file>} to that file instead, which appears whole or not at all. The database comes from
 * {@code POSTGRES_URL}, {@code POSTGRES_USER} (the read-only {@code globeco_reader} is enough) and
 * {@code POSTGRES_PASSWORD}; the command only reads, in a read-only transaction. Exit status 0 when the rows are
 * written, 1 when the database or the file failed, 2 for a command line it does not understand (the reason and the
 * usage on standard error).
 */
public final class PositionAudit {

    private PositionAudit() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    public static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        AuditCommandLine line;
        try {
            line = AuditCommandLine.parse(args);
        } catch (UsageError error) {
            err.println(error.getMessage());
            err.println(AuditCommandLine.USAGE);
            return 2;
        }
        try (Connection connection = connect(environment)) {
            AuditRows rows = new AuditRows(connection);
            if (line.out().isPresent()) {
                long written = toFile(rows, line, line.out().get());
                err.println(written + " rows written to " + line.out().get());
            } else {
                rows.write(line.query(), line.format().writer(utf8(out)));
            }
            return 0;
        } catch (SQLException | IOException failure) {
            err.println("audit failed: " + failure.getMessage());
            return 1;
        }
    }

    /** Written beside the file first, then moved onto it: a failed export leaves no partial file under its name. */
    private static long toFile(AuditRows rows, AuditCommandLine line, Path file) throws SQLException, IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            long written;
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                written = rows.write(line.query(), line.format().writer(writer));
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static Writer utf8(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /** Not in auto-commit, so that the rows are fetched a batch at a time; read-only, so that nothing can change. */
    private static Connection connect(Map<String, String> environment) throws SQLException {
        Connection connection = DriverManager.getConnection(environment.getOrDefault("POSTGRES_URL", "jdbc:postgresql://localhost:5432/postgres"),
                environment.getOrDefault("POSTGRES_USER", "postgres"), environment.getOrDefault("POSTGRES_PASSWORD", ""));
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }
}
