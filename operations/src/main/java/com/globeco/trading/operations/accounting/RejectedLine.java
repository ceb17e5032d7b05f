package com.globeco.trading.operations.accounting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An allocation line the Portfolio Accounting CLI did not import, as its error file {@code <name>.csv.errors.csv} lists
 * it: the input's columns plus {@code error_message}.
 */
public record RejectedLine(String file, int row, String sourceId, String line, String error) {
    static final String ERROR_COLUMN = "error_message";

    /** The lines of an error file; none when the file does not exist (the CLI writes one only when a line failed). */
    static List<RejectedLine> read(Path errorFile, String inputFile) throws IOException {
        if (!Files.exists(errorFile)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(errorFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = cells(lines.get(0));
        int source = header.indexOf("source_id");
        int error = header.indexOf(ERROR_COLUMN);
        List<RejectedLine> rejected = new ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            if (lines.get(row).isBlank()) {
                continue;
            }
            List<String> cells = cells(lines.get(row));
            rejected.add(new RejectedLine(inputFile, row, source >= 0 && source < cells.size() ? cells.get(source) : "",
                    String.join(",", error >= 0 ? cells.subList(0, Math.min(error, cells.size())) : cells),
                    error >= 0 && error < cells.size() ? cells.get(error) : "no error_message"));
        }
        return rejected;
    }

    /** The cells of a CSV line, quotes ({@code "a ""b"", c"}) undone. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int at = 0; at < line.length(); at++) {
            char c = line.charAt(at);
            if (quoted && c == '"' && at + 1 < line.length() && line.charAt(at + 1) == '"') {
                cell.append('"');
                at++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
